package org.storeline.web.app.channel;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityFilter;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelMonitor;
import org.storeline.core.channel.ChannelService;
import org.storeline.core.channel.ChannelSync;
import org.storeline.core.channel.Platform;
import org.storeline.core.error.ErrorCategory;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.register.RegisterService;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;
import org.storeline.web.app.channel.ChannelViews.Choice;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.WebSessions;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;
import org.storeline.web.http.ErrorResponses;

/**
 * The Channels screens (admins): the list with each channel's health, the connect form per platform, a channel's page
 * (settings, unlink, the activity log with Retry, Import orders with its progress). Every read and change goes through
 * the API's use cases with the signed-in user's actor, so a staff user is refused here as there (403).
 */
public final class ChannelPages {
    static final String ACTIVE = "channels";
    private static final int METHOD_ROWS = 3;
    private static final int ACTIVITY_PAGE = 50;

    private final ChannelService channels;
    private final ChannelMonitor monitor;
    private final ChannelSync sync;
    private final OutletService outlets;
    private final RegisterService registers;
    private final Consumer<UUID> changed;
    private final ImportPages imports;
    private final Layout layout;
    private final Views views;

    public ChannelPages(
            ChannelService channels,
            ChannelMonitor monitor,
            ChannelSync sync,
            OutletService outlets,
            RegisterService registers,
            Consumer<UUID> changed,
            Clock clock,
            Layout layout,
            Views views) {
        this.channels = channels;
        this.monitor = monitor;
        this.sync = sync;
        this.outlets = outlets;
        this.registers = registers;
        this.changed = changed;
        this.imports = new ImportPages(channels, sync, outlets, new ImportJobs(clock), layout, views);
        this.layout = layout;
        this.views = views;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/channels", this::list);
        routes.get("/channels/new", ctx -> form(ctx, 200, Optional.empty()));
        routes.post("/channels", this::connect);
        routes.get("/channels/{id}", ctx -> page(ctx, 200, done(ctx), Optional.empty()));
        routes.post("/channels/{id}/settings", this::save);
        routes.get("/channels/{id}/unlink", this::confirmUnlink);
        routes.post("/channels/{id}/unlink", this::unlink);
        routes.post("/channels/{id}/activity/{entry}/retry", this::retry);
        imports.addTo(routes);
    }

    private void list(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        boolean unlinked = "true".equals(ctx.queryParam("unlinked"));
        ZoneId zone = zone(actor);
        List<ChannelViews.Row> rows = channels.list(actor, unlinked).stream()
                .map(c -> new ChannelViews.Row(
                        c.id().toString(),
                        c.name(),
                        PlatformFields.of(c.platform()).label,
                        ChannelReader.health(monitor.health(c), t, zone)))
                .toList();
        views.answer(
                ctx,
                "channel/list.jte",
                new ChannelViews.ListPage(
                        layout.page(ctx, t.get("nav.channels"), Optional.empty(), ACTIVE),
                        rows,
                        unlinked,
                        param(ctx, "done").filter("unlinked"::equals).map(k -> t.get("channels.done.unlinked"))));
    }

    private void form(Context ctx, int status, Optional<String> error) {
        Actor actor = WebSessions.actor(ctx);
        actor.require(Permission.MANAGE_CHANNELS);
        Messages t = Layout.messages(ctx);
        PlatformFields platform = platform(param(ctx, "platform").or(() -> form(ctx, "platform")));
        List<Outlet> all = outlets.list(actor);
        List<UUID> chosen = new ArrayList<>();
        all.forEach(o -> form(ctx, "outlet_" + o.id()).ifPresent(v -> chosen.add(o.id())));
        List<ChannelViews.CredentialField> fields = platform.fields.stream()
                .map(f -> new ChannelViews.CredentialField(
                        f.name(),
                        t.get("credential." + f.name()),
                        f.required(),
                        f.secret(),
                        f.secret() ? "" : form(ctx, "credential_" + f.name()).orElse("")))
                .toList();
        views.answer(
                ctx,
                status,
                "channel/new.jte",
                new ChannelViews.FormPage(
                        layout.page(ctx, t.get("channels.connect"), Optional.empty(), ACTIVE),
                        Arrays.stream(PlatformFields.values())
                                .map(p -> new Choice(p.platform.wireName(), p.label, p == platform))
                                .toList(),
                        platform.platform.wireName(),
                        platform.label,
                        platform.exampleUrl,
                        fields,
                        form(ctx, "name").orElse(""),
                        form(ctx, "base_url").orElse(""),
                        ChannelReader.outlets(all, chosen),
                        ChannelReader.registers(
                                registers.list(actor),
                                names(all),
                                form(ctx, "register_id").map(v -> Ids.parse("register_id", v))),
                        ctx.method().name().equals("GET")
                                || form(ctx, "notifications").isPresent(),
                        error));
    }

    private void connect(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        PlatformFields platform = platform(form(ctx, "platform"));
        Map<String, String> credentials = new LinkedHashMap<>();
        platform.fields.forEach(f -> form(ctx, "credential_" + f.name())
                .filter(v -> !v.isBlank())
                .ifPresent(v -> credentials.put(f.name(), v)));
        List<UUID> outletIds = new ArrayList<>();
        outlets.list(actor).forEach(o -> form(ctx, "outlet_" + o.id()).ifPresent(v -> outletIds.add(o.id())));
        Channel channel;
        try {
            channel = channels.create(
                    actor,
                    new ChannelService.NewChannel(
                            platform.platform,
                            form(ctx, "name").orElse(""),
                            form(ctx, "base_url").orElse(""),
                            credentials,
                            form(ctx, "webhook_secret").orElse(""),
                            outletIds,
                            form(ctx, "register_id")
                                    .map(v -> Ids.parse("register_id", v))
                                    .orElse(null),
                            Map.of(),
                            form(ctx, "notifications").isPresent()));
        } catch (StorelineException e) {
            refuseOrRethrow(e);
            form(ctx, ErrorResponses.status(e.code().category()), Optional.of(e.getMessage()));
            return;
        }
        sync.registerSoon(channel);
        ctx.redirect("/channels/" + channel.id() + "?done=connected", HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, int status, Optional<String> done, Optional<String> error) {
        Actor actor = WebSessions.actor(ctx);
        Messages t = Layout.messages(ctx);
        Channel channel = channels.get(actor, id(ctx));
        ZoneId zone = zone(actor);
        List<Outlet> all = outlets.list(actor);
        List<ChannelViews.OutletOrder> order = all.stream()
                .map(o -> new ChannelViews.OutletOrder(
                        o.id().toString(),
                        o.name(),
                        channel.outletIds().contains(o.id())
                                ? Integer.toString(channel.outletIds().indexOf(o.id()) + 1)
                                : ""))
                .sorted(Comparator.comparing(
                                (ChannelViews.OutletOrder o) -> o.position().isEmpty())
                        .thenComparing(o -> o.position().isEmpty() ? 0 : Integer.parseInt(o.position())))
                .toList();
        List<ChannelViews.Method> methods = new ArrayList<>();
        channel.shippingMethodOutlets().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(m -> methods.add(new ChannelViews.Method(
                        methods.size(), m.getKey(), ChannelReader.outlets(all, List.of(m.getValue())))));
        for (int i = 0; i < METHOD_ROWS; i++) {
            methods.add(new ChannelViews.Method(methods.size(), "", ChannelReader.outlets(all, List.of())));
        }
        ActivityFilter filter = ActivityFilter.fromWire(param(ctx, "kind"), param(ctx, "outcome"));
        Optional<UUID> after = param(ctx, "after").map(v -> Ids.parse("after", v));
        Page<ActivityEntry> entries =
                monitor.activity(actor, channel.id(), filter, new PageRequest(ACTIVITY_PAGE, after));
        Optional<String> next = entries.next()
                .map(c -> "/channels/" + channel.id() + "?kind="
                        + param(ctx, "kind").orElse("") + "&outcome="
                        + param(ctx, "outcome").orElse("") + "&after="
                        + c + "#activity");
        views.answer(
                ctx,
                status,
                "channel/page.jte",
                new ChannelViews.ChannelPage(
                        layout.page(ctx, channel.name(), Optional.empty(), ACTIVE),
                        channel.id().toString(),
                        channel.name(),
                        PlatformFields.of(channel.platform()).label,
                        channel.isLinked(),
                        ctx.scheme() + "://" + ctx.host() + "/webhooks/" + channel.id(),
                        channel.credentials().keySet().stream().sorted().toList(),
                        ChannelReader.health(monitor.health(channel), t, zone),
                        order,
                        ChannelReader.registers(registers.list(actor), names(all), Optional.of(channel.registerId())),
                        methods,
                        channel.notifications(),
                        new ChannelViews.Activity(
                                ChannelReader.kinds(filter, t),
                                ChannelReader.outcomes(filter, t),
                                filter.narrowed(),
                                ChannelReader.entries(entries, t, zone),
                                next),
                        done,
                        error));
    }

    private void save(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        UUID id = id(ctx);
        Map<Integer, UUID> byPosition = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Outlet o : outlets.list(actor)) {
            form(ctx, "position_" + o.id()).filter(v -> !v.isBlank()).ifPresent(v -> {
                try {
                    int position = Integer.parseInt(v.trim());
                    if (byPosition.putIfAbsent(position, o.id()) != null) {
                        problems.add(o.name());
                    }
                } catch (NumberFormatException e) {
                    problems.add(o.name());
                }
            });
        }
        Map<String, UUID> methods = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            Optional<String> method = form(ctx, "method_" + i).map(String::trim).filter(v -> !v.isEmpty());
            Optional<String> outlet = form(ctx, "method_outlet_" + i).filter(v -> !v.isBlank());
            if (method.isPresent() && outlet.isPresent()) {
                methods.put(method.get(), Ids.parse("method_outlet_" + i, outlet.get()));
            }
        }
        try {
            if (!problems.isEmpty()) {
                throw StorelineException.invalid(
                        Layout.messages(ctx).format("channels.badOrder", String.join(", ", problems)));
            }
            channels.update(
                    actor,
                    id,
                    new ChannelService.Changes(
                            form(ctx, "name"),
                            Optional.of(form(ctx, "notifications").isPresent()),
                            Optional.of(List.copyOf(byPosition.values())),
                            form(ctx, "register_id").map(v -> Ids.parse("register_id", v)),
                            Optional.of(methods),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()));
        } catch (StorelineException e) {
            refuseOrRethrow(e);
            page(ctx, ErrorResponses.status(e.code().category()), Optional.empty(), Optional.of(e.getMessage()));
            return;
        }
        changed.accept(id);
        ctx.redirect("/channels/" + id + "?done=saved", HttpStatus.SEE_OTHER);
    }

    private void confirmUnlink(Context ctx) {
        Channel channel = channels.getLinked(WebSessions.actor(ctx), id(ctx));
        Messages t = Layout.messages(ctx);
        views.answer(
                ctx,
                "channel/unlink.jte",
                new ChannelViews.UnlinkPage(
                        layout.page(ctx, t.get("channels.unlink"), Optional.empty(), ACTIVE),
                        channel.id().toString(),
                        channel.name()));
    }

    private void unlink(Context ctx) {
        Actor actor = WebSessions.actor(ctx);
        Channel before = channels.get(actor, id(ctx));
        Channel channel = channels.unlink(actor, before.id());
        changed.accept(channel.id());
        if (before.isLinked()) {
            sync.unregisterSoon(channel);
        }
        ctx.redirect("/channels?done=unlinked", HttpStatus.SEE_OTHER);
    }

    /** Retries, then shows the channel again (a new GET: reloading it does not retry twice) with the outcome. */
    private void retry(Context ctx) {
        UUID id = id(ctx);
        try {
            monitor.retry(WebSessions.actor(ctx), id, Ids.parse("entry", ctx.pathParam("entry")));
        } catch (StorelineException e) {
            refuseOrRethrow(e);
            page(ctx, ErrorResponses.status(e.code().category()), Optional.empty(), Optional.of(e.getMessage()));
            return;
        }
        ctx.redirect("/channels/" + id + "?done=retried#activity", HttpStatus.SEE_OTHER);
    }

    /** Not found and forbidden are error pages; any other refusal is shown on the page it came from. */
    static void refuseOrRethrow(StorelineException e) {
        ErrorCategory category = e.code().category();
        if (category == ErrorCategory.NOT_FOUND || category == ErrorCategory.FORBIDDEN) {
            throw e;
        }
    }

    /** Times on these pages: in the zone of the admin's first outlet (channels belong to no one outlet). */
    private ZoneId zone(Actor actor) {
        return zone(outlets, actor);
    }

    static ZoneId zone(OutletService outlets, Actor actor) {
        return outlets.list(actor).stream().findFirst().map(Outlet::timeZone).orElse(ZoneId.of("UTC"));
    }

    private static Map<UUID, String> names(List<Outlet> outlets) {
        Map<UUID, String> names = new LinkedHashMap<>();
        outlets.forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    private static PlatformFields platform(Optional<String> wire) {
        return PlatformFields.of(
                wire.filter(v -> !v.isBlank()).map(Platform::fromWire).orElse(Platform.SHOPIFY));
    }

    private static Optional<String> done(Context ctx) {
        Messages t = Layout.messages(ctx);
        return param(ctx, "done")
                .filter(k -> List.of("connected", "saved", "retried").contains(k))
                .map(k -> t.get("channels.done." + k));
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isBlank());
    }

    static Optional<String> form(Context ctx, String name) {
        // A GET has no form: reading its body would take the next request on a kept-alive connection for it.
        if (!ctx.method().name().equals("POST")) {
            return Optional.empty();
        }
        return Optional.ofNullable(ctx.formParam(name));
    }

    static UUID id(Context ctx) {
        return Ids.parse("id", ctx.pathParam("id"));
    }
}
