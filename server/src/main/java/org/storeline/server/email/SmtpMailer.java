package org.storeline.server.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.util.MailConnectException;
import org.storeline.core.email.EmailSettings;
import org.storeline.core.email.Mailer;
import org.storeline.core.email.SmtpSecurity;

/**
 * Sends customer emails over SMTP with jakarta.mail (Eclipse Angus): plain text in UTF-8, one connection per email
 * (they are few: one per fulfillment shipped or ready), every wait bounded by {@code timeout}. STARTTLS, when asked
 * for, is required (never a silent fallback to plain text); in both TLS modes the server's certificate and host name
 * are checked. What the server or the network did is answered as a {@link Mailer.Result}, in words for staff.
 */
public final class SmtpMailer implements Mailer {
    /** Longer than any answer we wait for: the claim on an email outlives the attempt. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final int LONGEST_ERROR = 500;

    private final Duration timeout;

    public SmtpMailer(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Result send(EmailSettings server, Outgoing email) {
        String host = server.host().orElseThrow(() -> new IllegalStateException("Emails are on without a host"));
        Session session = Session.getInstance(properties(server, timeout));
        try {
            MimeMessage message = message(session, server, email);
            try (Transport transport = session.getTransport(protocol(server.security()))) {
                transport.connect(
                        host,
                        server.port(),
                        server.username().orElse(null),
                        server.password().orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
            return new Result.Sent();
        } catch (MessagingException e) {
            return failure(server, e);
        }
    }

    private static MimeMessage message(Session session, EmailSettings server, Outgoing email)
            throws MessagingException {
        String from = server.fromAddress()
                .orElseThrow(() -> new IllegalStateException("Emails are on without a from address"))
                .value();
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(new InternetAddress(from, server.fromName().orElse(null), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is in every JDK", e);
        }
        message.setRecipient(
                Message.RecipientType.TO, new InternetAddress(email.to().value(), true));
        message.setSubject(email.letter().subject(), "UTF-8");
        message.setText(email.letter().body(), "UTF-8");
        message.setSentDate(new Date());
        // An automatic message (RFC 3834): mail servers and clients send no out-of-office answer to it.
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    static String protocol(SmtpSecurity security) {
        return security == SmtpSecurity.TLS ? "smtps" : "smtp";
    }

    /** The session's settings for this server: timeouts, login, and how the connection is protected. */
    static Properties properties(EmailSettings server, Duration timeout) {
        String p = "mail." + protocol(server.security()) + ".";
        String millis = String.valueOf(timeout.toMillis());
        Properties props = new Properties();
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        props.setProperty(p + "writetimeout", millis);
        props.setProperty(p + "auth", String.valueOf(server.username().isPresent()));
        server.fromAddress().ifPresent(from -> props.setProperty(p + "from", from.value()));
        if (server.security() == SmtpSecurity.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (server.security() != SmtpSecurity.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    /** Why the attempt failed, for staff; a recipient the server refuses is not tried again. */
    private static Result failure(EmailSettings server, MessagingException e) {
        String where = server.host().orElse("?") + ":" + server.port();
        if (e instanceof MailConnectException) {
            return new Result.Failed(cut("Could not connect to the mail server " + where + ": " + rootCause(e)), true);
        }
        if (e instanceof AuthenticationFailedException) {
            return new Result.Failed(
                    cut("The mail server " + where + " refused the username or password: " + text(e)), true);
        }
        if (e instanceof SendFailedException sendFailed
                && sendFailed.getInvalidAddresses() != null
                && sendFailed.getInvalidAddresses().length > 0) {
            return new Result.Failed(
                    cut("The mail server " + where + " refused the customer's address: " + rootCause(e)), false);
        }
        return new Result.Failed(cut("The mail server " + where + " did not take the email: " + rootCause(e)), true);
    }

    /** The innermost message: what the network or the server said ("Connection refused", "550 no such user"). */
    private static String rootCause(Throwable e) {
        String said = text(e);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                said = cause.getMessage();
            }
        }
        return said;
    }

    private static String text(Throwable e) {
        return e.getMessage() == null ? "no reason given" : e.getMessage();
    }

    private static String cut(String error) {
        String line = error.strip().replaceAll("\\s+", " ");
        return line.length() > LONGEST_ERROR ? line.substring(0, LONGEST_ERROR) : line;
    }
}
