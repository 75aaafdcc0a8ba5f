package org.storeline.web.app.channel;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelService;
import org.storeline.core.channel.ChannelSync;
import org.storeline.core.channel.ImportRequest;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.user.Actor;
import org.storeline.web.app.channel.ChannelViews.Fact;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.http.ErrorResponses;

/**
 * Import orders from a channel's page (ORD-7): the API's import, started in the background so that the page shows its
 * progress, asked again every second by htmx until it ends with what it did.
 */
final class ImportPages {
    private final ChannelService channels;
    private final ChannelSync sync;
    private final OutletService outlets;
    private final ImportJobs imports;
    private final Layout layout;
    private final Views views;

    ImportPages(
            ChannelService channels,
            ChannelSync sync,
            OutletService outlets,
            ImportJobs imports,
            Layout layout,
            Views views) {
        this.channels = channels;
        this.sync = sync;
        this.outlets = outlets;
        this.imports = imports;
        this.layout = layout;
        this.views = views;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.post("/channels/{id}/import", this::startImport);
        routes.get("/channels/{id}/import/{job}", this::importProgress);
    }

    private void startImport(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        Channel channel;
        ImportRequest request;
        try {
            channel = channels.getLinked(actor, ChannelPages.id(ctx));
            request = importRequest(ctx, ChannelPages.zone(outlets, actor));
        } catch (StorelineException e) {
            ChannelPages.refuseOrRethrow(e);
            // htmx swaps only successful answers: the refusal is a 200 fragment that says why (a full page says 4xx).
            int status = ctx.header("HX-Request") != null
                    ? 200
                    : ErrorResponses.status(e.code().category());
            importView(ctx, status, t, Optional.empty(), e.getMessage(), List.of(), List.of(), true);
            return;
        }
        ImportJobs.Job job = imports.start(channel.id(), actor.userId(), () -> sync.importOrders(channel, request));
        progress(ctx, t, job);
    }

    private void importProgress(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Channel channel = channels.get(actor, ChannelPages.id(ctx));
        Messages t = Layout.messages(ctx);
        Optional<ImportJobs.Job> job =
                imports.find(Ids.parse("job", ctx.pathParam("job")), channel.id(), actor.userId());
        if (job.isEmpty()) {
            importView(ctx, 404, t, Optional.empty(), t.get("import.unknown"), List.of(), List.of(), true);
            return;
        }
        progress(ctx, t, job.get());
    }

    private void progress(Context ctx, Messages t, ImportJobs.Job job) {
        if (job.running()) {
            importView(
                    ctx,
                    200,
                    t,
                    Optional.of("/channels/" + job.channelId() + "/import/" + job.id()),
                    t.get("import.running"),
                    List.of(),
                    List.of(),
                    false);
            return;
        }
        if (job.error().isPresent()) {
            importView(ctx, 200, t, Optional.empty(), job.error().get(), List.of(), List.of(), true);
            return;
        }
        ChannelSync.ImportSummary s = job.summary().orElseThrow();
        List<Fact> figures = List.of(
                new Fact(t.get("import.fetched"), Integer.toString(s.fetched())),
                new Fact(t.get("import.imported"), Integer.toString(s.imported())),
                new Fact(t.get("import.duplicates"), Integer.toString(s.duplicates())),
                new Fact(t.get("import.skipped"), Integer.toString(s.skipped() + s.notApplied())),
                new Fact(t.get("import.failed"), Integer.toString(s.failed())));
        importView(
                ctx,
                200,
                t,
                Optional.empty(),
                t.get(s.failed() > 0 ? "import.doneWithFailures" : "import.done"),
                figures,
                s.problems(),
                s.failed() > 0);
    }

    private void importView(
            Context ctx,
            int status,
            Messages t,
            Optional<String> poll,
            String text,
            List<Fact> figures,
            List<String> problems,
            boolean failed) {
        ChannelViews.ImportView view = new ChannelViews.ImportView(
                layout.page(ctx, t.get("import.title"), Optional.empty(), ChannelPages.ACTIVE),
                poll,
                text,
                figures,
                problems,
                failed);
        views.answer(
                ctx, status, ctx.header("HX-Request") != null ? "channel/import.jte" : "channel/import-page.jte", view);
    }

    /** Order numbers (one a line, or separated by commas or spaces), else a range of days in the user's zone. */
    private static ImportRequest importRequest(Context ctx, ZoneId zone) {
        List<String> ids = ChannelPages.form(ctx, "order_ids").stream()
                .flatMap(v -> Arrays.stream(v.split("[\\s,;]+")))
                .filter(v -> !v.isBlank())
                .toList();
        Optional<Instant> since = ChannelPages.form(ctx, "since")
                .filter(v -> !v.isBlank())
                .map(v -> day("since", v).atStartOfDay(zone).toInstant());
        Optional<Instant> until = ChannelPages.form(ctx, "until")
                .filter(v -> !v.isBlank())
                .map(v -> day("until", v).plusDays(1).atStartOfDay(zone).toInstant());
        return ImportRequest.of(
                ids.isEmpty() ? since : Optional.empty(), ids.isEmpty() ? until : Optional.empty(), ids);
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw StorelineException.invalid(field + " must be a day (2026-12-05), not '" + value + "'.");
        }
    }
}
