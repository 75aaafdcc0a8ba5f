package org.storeline.channels.api;

/**
 * A field of a platform's payload that is not what it must be: an amount that is no number ({@code "12,50"},
 * {@code "N/A"}), a quantity that is no whole number ({@code 1.5}), a currency that is no ISO 4217 code, or a
 * field the order cannot do without that is {@link #missing}. The platform's data cannot become an order, so it
 * is final (not retryable) and the delivery is kept as failed. Mappers catch it only to say where it was
 * ({@link #within} a part, {@link #inOrder} an order): the message already names the field and the value.
 */
public final class UnreadableFieldException extends PlatformCallException {
    private final String field;
    /** What is wrong with the field, after its name: "'12,50' is not a number", "is missing". */
    private final String problem;

    public UnreadableFieldException(String field, String value, String expected, Throwable cause) {
        this(field, "'" + value + "' is not " + expected, cause);
    }

    private UnreadableFieldException(String field, String problem, Throwable cause) {
        super(field + " " + problem, false, 0, cause);
        this.field = field;
        this.problem = problem;
    }

    /** A field the order cannot do without (its total, its creation time) that is absent, null or empty. */
    public static UnreadableFieldException missing(String field) {
        return new UnreadableFieldException(field, "is missing", null);
    }

    /**
     * The same field named from its parent:
     * {@code amount} read in a discount becomes {@code applied_discounts[].amount}.
     */
    public UnreadableFieldException within(String parent) {
        return new UnreadableFieldException(parent + "." + field, problem, this);
    }

    /**
     * The same, said of a whole order so that it can be found:
     * {@code Ecwid order 35 cannot be read: price '10,70' is not a number}.
     */
    public PlatformCallException inOrder(String platform, String orderId) {
        return PlatformCallException.unreadable(
                platform + " order " + orderId + " cannot be read: " + getMessage(), this);
    }

    public String field() {
        return field;
    }
}
