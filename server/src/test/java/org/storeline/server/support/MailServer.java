package org.storeline.server.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server on loopback for tests (GreenMail), with one login, that can be stopped and started again on the
 * same port: the mail server going down and coming back.
 */
public final class MailServer implements AutoCloseable {
    public static final String USER = "shop-mailer";
    public static final String PASSWORD = "correct horse battery staple";

    private final int port;
    private GreenMail greenMail;

    private MailServer(int port) {
        this.port = port;
    }

    public static MailServer start() {
        MailServer server = new MailServer(freePort());
        server.up();
        return server;
    }

    public int port() {
        return port;
    }

    /** Starts it (again) on its port, with nothing received yet. */
    public synchronized void up() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.setUser(USER + "@example.com", USER, PASSWORD);
        greenMail.start();
    }

    /** Stops it: connections to its port are refused until {@link #up}. */
    public synchronized void down() {
        greenMail.stop();
    }

    /** What it received for this address since it last started, oldest first. */
    public synchronized List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> isTo(m, address))
                .toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of a plain-text message. */
    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        greenMail.stop();
    }
}
