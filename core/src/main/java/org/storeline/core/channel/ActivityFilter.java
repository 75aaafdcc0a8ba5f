package org.storeline.core.channel;

import java.util.Arrays;
import java.util.Optional;
import org.storeline.core.error.StorelineException;

/** Which entries of a channel's activity log to list: of one kind, with one outcome, or all of them. */
public record ActivityFilter(Optional<ActivityEntry.Kind> kind, Optional<ActivityEntry.Outcome> outcome) {
    public static ActivityFilter all() {
        return new ActivityFilter(Optional.empty(), Optional.empty());
    }

    /** Reads the wire names ({@code "fetch"}, {@code "failed"}); blank means any. */
    public static ActivityFilter fromWire(Optional<String> kind, Optional<String> outcome) {
        return new ActivityFilter(
                kind.filter(k -> !k.isBlank())
                        .map(k -> Arrays.stream(ActivityEntry.Kind.values())
                                .filter(v -> v.wireName().equals(k.trim()))
                                .findFirst()
                                .orElseThrow(() -> StorelineException.invalid("kind must be one of "
                                        + String.join(
                                                ", ",
                                                Arrays.stream(ActivityEntry.Kind.values())
                                                        .map(ActivityEntry.Kind::wireName)
                                                        .toList())
                                        + "; got '" + k + "'."))),
                outcome.filter(o -> !o.isBlank())
                        .map(o -> Arrays.stream(ActivityEntry.Outcome.values())
                                .filter(v -> v.wireName().equals(o.trim()))
                                .findFirst()
                                .orElseThrow(() -> StorelineException.invalid("outcome must be one of "
                                        + String.join(
                                                ", ",
                                                Arrays.stream(ActivityEntry.Outcome.values())
                                                        .map(ActivityEntry.Outcome::wireName)
                                                        .toList())
                                        + "; got '" + o + "'."))));
    }

    public boolean narrowed() {
        return kind.isPresent() || outcome.isPresent();
    }
}
