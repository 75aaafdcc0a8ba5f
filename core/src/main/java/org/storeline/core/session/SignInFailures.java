package org.storeline.core.session;

import java.time.Instant;
import java.util.List;

/**
 * Port: failed sign-ins per email (its normalised key), in the database so that every process counts the same ones
 * and a restart forgets none.
 */
public interface SignInFailures {
    void record(String emailKey, Instant at);

    /** The failures for this email since {@code since}, oldest first. */
    List<Instant> since(String emailKey, Instant since);

    /** Forgets this email's failures (after a successful sign-in), and everyone's older than {@code before}. */
    void clear(String emailKey, Instant before);
}
