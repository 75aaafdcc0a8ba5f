package org.storeline.core.email;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.storeline.core.customer.Email;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;

/**
 * The SMTP server customer emails go through, and whom they come from. Off until an admin turns it on; turned on, it
 * needs a host and a from address. The password is write-only: sealed at rest, never answered ({@link #toString}
 * hides it too). With a username the server is logged in to; the password goes with it.
 */
public record EmailSettings(
        boolean enabled,
        Optional<String> host,
        int port,
        SmtpSecurity security,
        Optional<String> username,
        Optional<String> password,
        Optional<Email> fromAddress,
        Optional<String> fromName) {
    /** A host name, an IPv4 address or an IPv6 one in brackets. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    /** A new store's: off, STARTTLS on its usual port, nothing else known. */
    public static final EmailSettings OFF = new EmailSettings(
            false,
            Optional.empty(),
            SmtpSecurity.STARTTLS.usualPort(),
            SmtpSecurity.STARTTLS,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    public EmailSettings {
        if (port < 1 || port > 65_535) {
            throw StorelineException.invalid("port must be between 1 and 65535; got " + port + ".");
        }
        if (enabled && host.isEmpty()) {
            throw StorelineException.invalid("host is required to turn customer emails on: the SMTP server's name.");
        }
        if (enabled && fromAddress.isEmpty()) {
            throw StorelineException.invalid(
                    "from_address is required to turn customer emails on: the address customers see them come from.");
        }
        if (password.isPresent() && username.isEmpty()) {
            throw StorelineException.invalid("username is required with a password: the server is logged in to.");
        }
    }

    /**
     * What a request changes; a field left out keeps its value, an empty text clears it. Texts are trimmed, but for
     * the password, which is taken as given.
     */
    public record Changes(
            Optional<Boolean> enabled,
            Optional<String> host,
            Optional<Long> port,
            Optional<String> security,
            Optional<String> username,
            Optional<String> password,
            Optional<String> fromAddress,
            Optional<String> fromName) {}

    /**
     * These settings with {@code changes} made. A new {@code security} without a {@code port} moves the port to the
     * one usual for it (25, 587 or 465).
     */
    public EmailSettings with(Changes changes) {
        SmtpSecurity nextSecurity =
                changes.security().map(SmtpSecurity::fromWire).orElse(security);
        int nextPort = changes.port()
                .map(EmailSettings::port)
                .orElse(changes.security().isPresent() ? nextSecurity.usualPort() : port);
        return new EmailSettings(
                changes.enabled().orElse(enabled),
                changed(changes.host(), host, EmailSettings::host),
                nextPort,
                nextSecurity,
                changed(changes.username(), username, v -> line("username", v)),
                changes.password().isEmpty()
                        ? password
                        : changes.password().filter(p -> !p.isEmpty()).map(p -> Require.storable("password", p)),
                changed(
                                changes.fromAddress(),
                                fromAddress.map(Email::value),
                                v -> Email.of(v).value())
                        .map(Email::of),
                changed(changes.fromName(), fromName, v -> line("from_name", v)));
    }

    public boolean hasPassword() {
        return password.isPresent();
    }

    private static Optional<String> changed(
            Optional<String> change, Optional<String> current, UnaryOperator<String> check) {
        if (change.isEmpty()) {
            return current;
        }
        String value = change.get().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(check.apply(value));
    }

    private static String host(String value) {
        if (!HOST.matcher(value).matches()) {
            throw StorelineException.invalid(
                    "host must be a host name or an IP address, such as smtp.example.com;" + " got '" + value + "'.");
        }
        return value;
    }

    private static int port(long value) {
        if (value < 1 || value > 65_535) {
            throw StorelineException.invalid("port must be between 1 and 65535; got " + value + ".");
        }
        return (int) value;
    }

    /** One line of at most 200 characters: it goes into a mail header. */
    private static String line(String field, String value) {
        Require.storable(field, value);
        if (value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            throw StorelineException.invalid(field + " must be one line of at most 200 characters.");
        }
        return value;
    }

    @Override
    public String toString() {
        return "EmailSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", security=" + security
                + ", username=" + username + ", password=" + (hasPassword() ? "(set)" : "(none)") + ", fromAddress="
                + fromAddress + ", fromName=" + fromName + "]";
    }
}
