package org.storeline.server.sync;

import java.sql.SQLException;
import org.jooq.exception.DataAccessException;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.core.error.StorelineException;

/**
 * What a failure says in a channel's activity log, which staff read. Our own failures (a use case's, a
 * connector's) were written for them and are said as they are; any other (a database error quoting its SQL,
 * a library's exception naming its classes) only says what kind of failure it was: its details go to the
 * server log, where whoever logs the exception puts them.
 */
final class Failures {
    private Failures() {}

    static String describe(RuntimeException e) {
        if (saysItself(e)) {
            return e.getMessage();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof DataAccessException) {
                return "the database refused to store it (the details are in the server log)";
            }
        }
        return "an unexpected error (the details are in the server log)";
    }

    /** Whether the failure's message was written for the people who read the activity log. */
    static boolean saysItself(RuntimeException e) {
        return e instanceof StorelineException || e instanceof PlatformCallException;
    }
}
