package org.storeline.web.app.channel;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityFilter;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelHealth;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.paging.Page;
import org.storeline.core.register.Register;
import org.storeline.web.app.channel.ChannelViews.Choice;
import org.storeline.web.app.channel.ChannelViews.Entry;
import org.storeline.web.app.channel.ChannelViews.Fact;
import org.storeline.web.app.channel.ChannelViews.Health;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.view.Formats;

/** Turns channels, their health and activity into the pages' views, in the reader's words and time zone. */
final class ChannelReader {
    private ChannelReader() {}

    static Health health(ChannelHealth h, Messages t, ZoneId zone) {
        String key = h.state().name().toLowerCase(Locale.ROOT);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(t.get("channels.connection"), connection(h.channel().connection(), t, zone)));
        facts.add(new Fact(
                t.get("channels.oldestPending"),
                h.oldestPendingAt()
                        .map(at -> Formats.dateTime(at, zone, t) + " (" + duration(h.behindSeconds(), t) + ")")
                        .orElse(t.get("channels.nothingWaiting"))));
        facts.add(new Fact(
                t.get("channels.outbox"),
                t.format("channels.outboxDepth", h.outbound().depth())
                        + (h.outbound().depth() > 0
                                ? " · " + duration(h.outboundWait().toSeconds(), t)
                                : "")));
        facts.add(new Fact(t.get("channels.failures"), Long.toString(h.failuresLastHour())));
        return new Health(key, t.get("channels.state." + key), facts);
    }

    /**
     * The connection's status in the reader's words, then what the last check said. Before the first check there is
     * nothing to add: the stored detail is the status again, in English ("Not checked yet: not checked yet"). An
     * unlinked channel's detail is Storeline's own, so it is said in the reader's words and time zone.
     */
    static String connection(Channel.Connection connection, Messages t, ZoneId zone) {
        String status =
                t.get("channels.connection." + connection.status().name().toLowerCase(Locale.ROOT));
        if (connection.status() == Channel.ConnectionStatus.UNLINKED
                && connection.checkedAt().isPresent()) {
            return status + ": "
                    + t.format(
                            "channels.connection.unlinkedDetail",
                            Formats.dateTime(connection.checkedAt().get(), zone, t));
        }
        String detail = connection.detail();
        if (detail == null || detail.isBlank() || connection.status() == Channel.ConnectionStatus.PENDING) {
            return status;
        }
        return status + ": " + detail;
    }

    /** "45 s", "12 min", "3 h": how long something has waited. */
    static String duration(long seconds, Messages t) {
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        if (d.toMinutes() < 1) {
            return t.format("channels.seconds", d.toSeconds());
        }
        if (d.toHours() < 1) {
            return t.format("age.minutes", d.toMinutes());
        }
        return t.format("age.hours", d.toHours());
    }

    static List<Choice> outlets(List<Outlet> outlets, List<UUID> selected) {
        return outlets.stream()
                .map(o -> new Choice(o.id().toString(), o.name(), selected.contains(o.id())))
                .toList();
    }

    static List<Choice> registers(List<Register> registers, Map<UUID, String> outletNames, Optional<UUID> selected) {
        return registers.stream()
                .map(r -> new Choice(
                        r.id().toString(),
                        r.name() + " · " + outletNames.getOrDefault(r.outletId(), ""),
                        selected.equals(Optional.of(r.id()))))
                .toList();
    }

    static List<Choice> kinds(ActivityFilter filter, Messages t) {
        List<Choice> kinds = new ArrayList<>();
        kinds.add(new Choice("", t.get("filter.all"), filter.kind().isEmpty()));
        Arrays.stream(ActivityEntry.Kind.values())
                .forEach(k -> kinds.add(new Choice(
                        k.wireName(),
                        t.get("activity.kind." + k.wireName()),
                        filter.kind().equals(Optional.of(k)))));
        return kinds;
    }

    static List<Choice> outcomes(ActivityFilter filter, Messages t) {
        List<Choice> outcomes = new ArrayList<>();
        outcomes.add(new Choice("", t.get("filter.all"), filter.outcome().isEmpty()));
        Arrays.stream(ActivityEntry.Outcome.values())
                .forEach(o -> outcomes.add(new Choice(
                        o.wireName(),
                        t.get("activity.outcome." + o.wireName()),
                        filter.outcome().equals(Optional.of(o)))));
        return outcomes;
    }

    static List<Entry> entries(Page<ActivityEntry> page, Messages t, ZoneId zone) {
        return page.items().stream()
                .map(e -> new Entry(
                        e.id().toString(),
                        Formats.dateTime(e.at(), zone, t),
                        t.get("activity.kind." + e.kind().wireName()),
                        t.get("activity.outcome." + e.outcome().wireName()),
                        e.outcome().wireName(),
                        e.externalOrderId().orElse(""),
                        e.reason() == null ? "" : e.reason(),
                        e.call()
                                .map(c -> c.request().orElse("") + (c.status() > 0 ? " → " + c.status() : ""))
                                .orElse(""),
                        e.canBeRetried(),
                        e.retriedAt()
                                .map(at -> t.format("activity.retriedAt", Formats.dateTime(at, zone, t)))
                                .orElse("")))
                .toList();
    }
}
