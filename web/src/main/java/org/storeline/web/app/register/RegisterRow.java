package org.storeline.web.app.register;

import java.time.ZoneId;
import java.util.UUID;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterStatus;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.view.Amounts;
import org.storeline.web.app.view.Formats;

/** A register as the lists show it: its name, open or closed in words, and since when with what float. */
public record RegisterRow(UUID id, String name, boolean open, String state, String since, String openingFloat) {

    static RegisterRow of(Register register, ZoneId zone, Messages t) {
        boolean open = register.status() == RegisterStatus.OPEN;
        String since = register.openPeriod()
                .map(p -> Formats.dateTime(p.openedAt(), zone, t))
                .orElse("");
        String openingFloat =
                register.openPeriod().map(p -> Amounts.of(p.openingFloat(), t)).orElse("");
        return new RegisterRow(
                register.id(),
                register.name(),
                open,
                t.get(open ? "register.open" : "register.closed"),
                since,
                openingFloat);
    }

    public String url() {
        return "/registers/" + id;
    }

    /** The class of its state badge: the word says it, the badge only adds a colour and a sign. */
    public String stateKey() {
        return open ? "open" : "closed";
    }
}
