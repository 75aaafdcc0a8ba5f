package org.storeline.channels.api;

/**
 * A field of a platform's payload that is not what it must be: an amount that is no number ({@code "12,50"},
 * {@code "N/A"}), a quantity that is no whole number ({@code 1.5}). The platform's data cannot become an order,
 * so it is final (not retryable) and the delivery is kept as failed. Mappers catch it only to say where it was
 * ({@link #within} a part, {@link #inOrder} an order): the message already names the field and the value.
 */
public final class UnreadableFieldException extends PlatformCallException {
    private final String field;
    private final String value;
    private final String expected;

    public UnreadableFieldException(String field, String value, String expected, Throwable cause) {
        super(field + " '" + value + "' is not " + expected, false, 0, cause);
        this.field = field;
        this.value = value;
        this.expected = expected;
    }

    /** The same field named from its parent: {@code amount} read in a discount becomes {@code applied_discounts[].amount}. */
    public UnreadableFieldException within(String parent) {
        return new UnreadableFieldException(parent + "." + field, value, expected, this);
    }

    /** The same, said of a whole order so that it can be found: {@code Ecwid order 35 cannot be read: price '10,70' is not a number}. */
    public PlatformCallException inOrder(String platform, String orderId) {
        return new PlatformCallException(platform + " order " + orderId + " cannot be read: " + getMessage(), false, 0, this);
    }

    public String field() {
        return field;
    }
}
