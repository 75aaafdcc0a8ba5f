package org.storeline.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to run Storeline.
 *
 * @param dataDir          where the embedded PostgreSQL keeps its data (and the generated secret key)
 * @param dbUrl            an external PostgreSQL instead of the embedded one
 * @param adminToken       the admin token from the environment, if any
 * @param postgresSettings extra settings for the embedded PostgreSQL (tests trade durability for speed)
 * @param secretKey        the AES-256 key that seals channel secrets at rest; {@code oldSecretKeys} still open old ones
 * @param publicUrl        where platforms reach this server (webhook URLs we register); default http://localhost:port
 * @param reconcileEvery   how often each channel is polled for orders webhooks missed
 * @param inboxLease       how long a worker holds the deliveries it claimed; a crashed worker's are taken over after it
 * @param inboxBatch       how many deliveries a worker claims and imports in one transaction at most
 * @param processorTimeout how long a refund sent to a payment processor waits for its answer before it is unknown
 * @param refundRecheckEvery how often refunds whose outcome is unknown are sent again (same idempotency key)
 * @param emailEvery       how often the outbox is read for customer emails to write, and the due ones are sent
 * @param emailRetryAfter  how long after a first failed attempt a customer email is tried again (then twice as long
 *                         after each next failure, at most an hour apart)
 * @param syncTimeout      how long a call that sends stock, prices or status to a platform waits for its answer; a
 *                         sync worker's claim lasts six times this and its hold on a channel seven times, after
 *                         which a crashed worker's channel and tasks go to another
 * @param syncRetention    how long a sync task done is kept before a cluster job deletes it (the activity log stays)
 */
public record StorelineConfig(
        String host,
        int port,
        Path dataDir,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<String> adminToken,
        Map<String, String> postgresSettings,
        byte[] secretKey,
        List<byte[]> oldSecretKeys,
        Optional<URI> publicUrl,
        Duration reconcileEvery,
        Duration inboxLease,
        int inboxBatch,
        Duration processorTimeout,
        Duration refundRecheckEvery,
        Duration emailEvery,
        Duration emailRetryAfter,
        Duration syncTimeout,
        Duration syncRetention) {
    public static final int DEFAULT_INBOX_BATCH = 500;
    public static final Duration DEFAULT_PROCESSOR_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REFUND_RECHECK = Duration.ofMinutes(1);
    public static final Duration DEFAULT_EMAIL_EVERY = Duration.ofSeconds(5);
    public static final Duration DEFAULT_EMAIL_RETRY = Duration.ofMinutes(1);
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_SYNC_RETENTION = Duration.ofDays(7);

    public StorelineConfig {
        postgresSettings = Map.copyOf(postgresSettings);
        oldSecretKeys = List.copyOf(oldSecretKeys);
        if (syncRetention.isNegative() || syncRetention.isZero()) {
            throw new IllegalArgumentException("Done sync tasks must be kept for some time, not " + syncRetention);
        }
        if (inboxBatch < 1) {
            throw new IllegalArgumentException("The inbox batch must hold at least one delivery, not " + inboxBatch);
        }
    }

    /**
     * Storeline started from Java on loopback, a free port and its own embedded PostgreSQL, reconciling once a day (so
     * that no pass runs unasked): what the integration tests and the benchmark start. Refund processors get 3 s to
     * answer and unknown refunds are sent again every second, so that a test sees a timeout and its recheck quickly;
     * customer emails are looked for every second and a failed one is tried again a second later; a platform gets 2 s
     * to answer a sync call, so that a test sees a timeout (and a crashed worker's claim taken over) quickly.
     */
    public static StorelineConfig inProcess(
            Path dataDir, String adminToken, Map<String, String> postgresSettings, byte[] secretKey) {
        return new StorelineConfig(
                "127.0.0.1",
                0,
                dataDir,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(adminToken),
                postgresSettings,
                secretKey,
                List.of(),
                Optional.empty(),
                Duration.ofDays(1),
                Duration.ofSeconds(60),
                DEFAULT_INBOX_BATCH,
                Duration.ofSeconds(3),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                DEFAULT_SYNC_RETENTION);
    }
}
