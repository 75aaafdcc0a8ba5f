package org.storeline.core.email;

import java.util.Locale;
import org.storeline.core.error.StorelineException;

/**
 * How the connection to the mail server is protected: {@code none} (plain SMTP, for a relay on the same host or
 * network), {@code starttls} (plain, then upgraded to TLS before anything is sent; required, never skipped) or
 * {@code tls} (TLS from the first byte, "SMTPS"). The server's certificate is checked against the JDK's trusted
 * authorities and its host name in both TLS modes.
 */
public enum SmtpSecurity {
    NONE(25),
    STARTTLS(587),
    TLS(465);

    private final int usualPort;

    SmtpSecurity(int usualPort) {
        this.usualPort = usualPort;
    }

    /** The port mail servers usually listen on for this kind of connection. */
    public int usualPort() {
        return usualPort;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SmtpSecurity fromWire(String value) {
        for (SmtpSecurity security : values()) {
            if (security.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return security;
            }
        }
        throw StorelineException.invalid("security must be one of none, starttls, tls; got '" + value + "'.");
    }
}
