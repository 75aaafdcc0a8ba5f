package org.storeline.web.app.view;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.notification.NotificationService;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.session.SignedIn;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;
import org.storeline.web.app.i18n.Languages;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.session.WebSessions;

/**
 * Builds each page's {@link Shell}: the language (the user's choice, else the browser's), the permitted outlets for
 * the switcher and the bell's count, each read through the same core services as the API.
 */
public final class Layout {
    private final Assets assets;
    private final OutletService outlets;
    private final NotificationService notifications;

    public Layout(Assets assets, OutletService outlets, NotificationService notifications) {
        this.assets = assets;
        this.outlets = outlets;
        this.notifications = notifications;
    }

    public Assets assets() {
        return assets;
    }

    /** The words of this request: the signed-in user's language, else the one the browser asks for. */
    public static Messages messages(Context ctx, Optional<SignedIn> signedIn) {
        return Messages.of(signedIn.flatMap(SignedIn::language)
                .orElseGet(() -> Languages.fromAcceptLanguage(ctx.header("Accept-Language"))));
    }

    /** The words of a signed-in request. */
    public static Messages messages(Context ctx) {
        return messages(ctx, Optional.of(WebSessions.signedIn(ctx)));
    }

    /** A page with the top bar; {@code outlet} is the one the page shows (selected in the switcher). */
    public Shell page(Context ctx, String title, Optional<UUID> outlet, String active) {
        SignedIn signedIn = WebSessions.signedIn(ctx);
        Messages t = messages(ctx, Optional.of(signedIn));
        Actor actor = signedIn.actor();
        var choices = outlets.list(actor).stream()
                .map(o -> new Shell.OutletChoice(o.id(), o.name(), outlet.equals(Optional.of(o.id()))))
                .toList();
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (actor.role().allows(p)) {
                permissions.add(p);
            }
        }
        Shell.TopBar bar =
                new Shell.TopBar(actor.name(), choices, signedIn.language(), bell(actor, t), active, permissions);
        return new Shell(t, assets, title, signedIn.session().csrfToken(), Optional.of(bar));
    }

    /** A page without the top bar, for whoever is not signed in (the sign-in page, an error). */
    public Shell bare(Context ctx, Messages t, String title, String csrf) {
        return new Shell(t, assets, title, csrf, Optional.empty());
    }

    public Shell.Bell bell(Actor actor, Messages t) {
        int unread = notifications
                .forActor(actor, true, PageRequest.first(Shell.Bell.CAP + 1))
                .items()
                .size();
        return new Shell.Bell(t, unread);
    }
}
