package org.storeline.web.app.view;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.outlet.Language;
import org.storeline.core.user.Permission;
import org.storeline.web.app.i18n.Messages;

/**
 * What the layout of every page needs: the words, the asset URLs, the title, the CSRF token for forms and htmx, and
 * the top bar once someone is signed in (the sign-in and error pages of a stranger have none).
 */
public record Shell(Messages t, Assets assets, String title, String csrf, Optional<TopBar> topBar) {

    /** The signed-in user's bar: outlet switcher, bell, language, sign-out; {@code active} names the screen. */
    public record TopBar(
            String userName,
            List<OutletChoice> outlets,
            Optional<Language> chosenLanguage,
            Bell bell,
            String active,
            Set<Permission> permissions) {
        /** Whether the user's role may use a screen: its nav link is shown only then (the server refuses anyway). */
        public boolean may(Permission permission) {
            return permissions.contains(permission);
        }

        public Optional<OutletChoice> selected() {
            return outlets.stream().filter(OutletChoice::selected).findFirst();
        }

        /** The value of the language menu: the user's choice, or "" for the browser's. */
        public String languageValue() {
            return chosenLanguage.map(Language::wireName).orElse("");
        }
    }

    public record OutletChoice(UUID id, String name, boolean selected) {}

    /** The bell: unread notifications of the user's outlets; at most {@code CAP} are counted. */
    public record Bell(Messages t, int unread) {
        public static final int CAP = 99;

        public String count() {
            return unread > CAP ? CAP + "+" : Integer.toString(unread);
        }

        public String label() {
            return t.get("notifications.label") + ", " + t.format("notifications.unread", count());
        }
    }

    public String lang() {
        return t.language().wireName();
    }
}
