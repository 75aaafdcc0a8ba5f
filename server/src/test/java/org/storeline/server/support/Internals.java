package org.storeline.server.support;

import java.util.regex.Pattern;

/** What no answer and no activity entry may show of how Storeline is built: its libraries, SQL, Java, stack frames. */
public final class Internals {
    public static final Pattern PATTERN = Pattern.compile("com\\.fasterxml|[Jj]ackson|org\\.jooq|select |insert "
            + "|java\\.|Exception|ReadFeature|StreamRead|\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

    private Internals() {}
}
