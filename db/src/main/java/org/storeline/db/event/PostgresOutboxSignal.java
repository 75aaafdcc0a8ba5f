package org.storeline.db.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.core.event.OutboxSignal;

/**
 * LISTEN on the outbox's NOTIFY channel ({@link JooqDomainEvents#CHANNEL}) on a connection of its own, outside the
 * pools: a session that lives as long as the process. Lost (the database restarted, a proxy dropped it), it is opened
 * again at the next wait; meanwhile waits simply time out, and the readers' polling carries on alone. Through a
 * transaction-pooling proxy no notification ever arrives: the readers then see new events within one poll.
 */
public final class PostgresOutboxSignal implements OutboxSignal {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresOutboxSignal.class);

    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    private final Callable<Connection> connect;
    private final List<String> channels;
    private Connection connection;
    private boolean warned;
    private long checkedAt = System.nanoTime();

    public PostgresOutboxSignal(Callable<Connection> connect) {
        this(connect, List.of(JooqDomainEvents.CHANNEL));
    }

    /** Listens on these NOTIFY channels (the sync workers wait for the domain events' and the sync outbox's). */
    public PostgresOutboxSignal(Callable<Connection> connect, List<String> channels) {
        this.connect = connect;
        this.channels = List.copyOf(channels);
    }

    /** Called by one reader thread at a time. */
    @Override
    public synchronized boolean await(Duration max) throws InterruptedException {
        try {
            PGConnection listening = listening();
            PGNotification[] notifications = listening.getNotifications((int) Math.max(1, max.toMillis()));
            if (notifications != null && notifications.length > 0) {
                return true;
            }
            checkStillConnected();
            return false;
        } catch (SQLException | RuntimeException e) {
            if (!warned) {
                LOG.warn(
                        "Not listening for outbox notifications ({}); polling only until it works again", e.toString());
                warned = true;
            }
            closeConnection();
            Thread.sleep(max.toMillis());
            return false;
        }
    }

    /** A connection cut off without a word only times out; asking the server once a minute finds out. */
    private void checkStillConnected() throws SQLException {
        if (System.nanoTime() - checkedAt > CHECK_EVERY.toNanos()) {
            checkedAt = System.nanoTime();
            if (!connection.isValid(5)) {
                throw new SQLException("the listening connection no longer answers");
            }
        }
    }

    private PGConnection listening() throws SQLException {
        if (connection == null) {
            try {
                connection = connect.call();
            } catch (SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new SQLException(e);
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String channel : channels) {
                    statement.execute("LISTEN " + channel);
                }
            }
            if (warned) {
                LOG.info("Listening for outbox notifications again");
                warned = false;
            }
        }
        return connection.unwrap(PGConnection.class);
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being dropped because it failed already
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }
}
