package org.storeline.web.app;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.storeline.core.channel.ChannelMonitor;
import org.storeline.core.channel.ChannelService;
import org.storeline.core.channel.ChannelSync;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.register.RegisterService;
import org.storeline.core.report.ReportService;
import org.storeline.core.user.UserService;
import org.storeline.web.app.channel.ChannelPages;
import org.storeline.web.app.report.ReportPages;
import org.storeline.web.app.user.UserPages;
import org.storeline.web.app.view.Layout;
import org.storeline.web.app.view.Views;

/**
 * The owner's screens: Channels, Reports, Users. The core services they read are handed over here, once, so that
 * adding them to the app takes one argument of {@link WebApp} (the other screens' helpers add theirs beside it).
 */
public final class AdminScreens {
    private final ChannelService channels;
    private final ChannelMonitor monitor;
    private final ChannelSync sync;
    private final RegisterService registers;
    private final Consumer<UUID> channelChanged;
    private final ReportService reports;
    private final UserService users;
    private ChannelPages channelPages;
    private ReportPages reportPages;
    private UserPages userPages;

    /** {@code channelChanged}: told of each channel changed or unlinked (the webhook route forgets its copy). */
    public AdminScreens(
            ChannelService channels,
            ChannelMonitor monitor,
            ChannelSync sync,
            RegisterService registers,
            Consumer<UUID> channelChanged,
            ReportService reports,
            UserService users) {
        this.channels = channels;
        this.monitor = monitor;
        this.sync = sync;
        this.registers = registers;
        this.channelChanged = channelChanged;
        this.reports = reports;
        this.users = users;
    }

    void build(Layout layout, Views views, OutletService outlets, Clock clock) {
        channelPages =
                new ChannelPages(channels, monitor, sync, outlets, registers, channelChanged, clock, layout, views);
        reportPages = new ReportPages(reports, outlets, layout, views);
        userPages = new UserPages(users, outlets, layout, views);
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        channelPages.addTo(routes);
        reportPages.addTo(routes);
        userPages.addTo(routes);
    }
}
