package org.storeline.core.error;

/**
 * Every error Storeline reports, with its stable wire code. Codes are part of the public API:
 * add new ones freely, never rename one.
 */
public enum ErrorCode {
    INVALID_REQUEST("invalid_request", ErrorCategory.INVALID),
    MALFORMED_JSON("malformed_json", ErrorCategory.INVALID),
    INVALID_CURSOR("invalid_cursor", ErrorCategory.INVALID),
    NUMBER_OUT_OF_RANGE("number_out_of_range", ErrorCategory.INVALID),
    INVALID_TEXT("invalid_text", ErrorCategory.INVALID),
    MALFORMED_REQUEST("malformed_request", ErrorCategory.INVALID),
    UNAUTHENTICATED("unauthenticated", ErrorCategory.UNAUTHENTICATED),
    SIGN_IN_FAILED("sign_in_failed", ErrorCategory.UNAUTHENTICATED),
    SIGN_IN_LOCKED("sign_in_locked", ErrorCategory.TOO_MANY_REQUESTS),
    CSRF_REJECTED("csrf_rejected", ErrorCategory.FORBIDDEN),
    FORBIDDEN("forbidden", ErrorCategory.FORBIDDEN),
    OUTLET_FORBIDDEN("outlet_forbidden", ErrorCategory.FORBIDDEN),
    NOT_FOUND("not_found", ErrorCategory.NOT_FOUND),
    OUTLET_NOT_FOUND("outlet_not_found", ErrorCategory.NOT_FOUND),
    REGISTER_NOT_FOUND("register_not_found", ErrorCategory.NOT_FOUND),
    PAYMENT_TYPE_NOT_FOUND("payment_type_not_found", ErrorCategory.NOT_FOUND),
    PRODUCT_NOT_FOUND("product_not_found", ErrorCategory.NOT_FOUND),
    CUSTOMER_NOT_FOUND("customer_not_found", ErrorCategory.NOT_FOUND),
    USER_NOT_FOUND("user_not_found", ErrorCategory.NOT_FOUND),
    TOKEN_NOT_FOUND("token_not_found", ErrorCategory.NOT_FOUND),
    SALE_NOT_FOUND("sale_not_found", ErrorCategory.NOT_FOUND),
    CHANNEL_NOT_FOUND("channel_not_found", ErrorCategory.NOT_FOUND),
    FULFILLMENT_NOT_FOUND("fulfillment_not_found", ErrorCategory.NOT_FOUND),
    ACTIVITY_NOT_FOUND("activity_not_found", ErrorCategory.NOT_FOUND),
    EMAIL_NOT_FOUND("email_not_found", ErrorCategory.NOT_FOUND),
    NOTIFICATION_NOT_FOUND("notification_not_found", ErrorCategory.NOT_FOUND),
    METHOD_NOT_ALLOWED("method_not_allowed", ErrorCategory.METHOD_NOT_ALLOWED),
    REGISTER_CLOSED("register_closed", ErrorCategory.CONFLICT),
    REGISTER_ALREADY_OPEN("register_already_open", ErrorCategory.CONFLICT),
    REGISTER_NAME_TAKEN("register_name_taken", ErrorCategory.CONFLICT),
    PAYMENT_TYPE_NAME_TAKEN("payment_type_name_taken", ErrorCategory.CONFLICT),
    SKU_TAKEN("sku_taken", ErrorCategory.CONFLICT),
    BARCODE_TAKEN("barcode_taken", ErrorCategory.CONFLICT),
    EMAIL_TAKEN("email_taken", ErrorCategory.CONFLICT),
    LAST_ADMIN("last_admin", ErrorCategory.CONFLICT),
    SALE_NOT_OPEN("sale_not_open", ErrorCategory.CONFLICT),
    NOT_RETRYABLE("not_retryable", ErrorCategory.CONFLICT),
    INVALID_TRANSITION("invalid_transition", ErrorCategory.CONFLICT),
    FULFILLMENT_COMPLETE_USE_RETURN("fulfillment_complete_use_return", ErrorCategory.CONFLICT),
    PAYMENT_REQUIRED("payment_required", ErrorCategory.CONFLICT),
    FULFILLMENT_NOT_A_DELIVERY("fulfillment_not_a_delivery", ErrorCategory.CONFLICT),
    FULFILLMENT_NOT_A_PICKUP("fulfillment_not_a_pickup", ErrorCategory.CONFLICT),
    EMAILS_OFF("emails_off", ErrorCategory.CONFLICT),
    NO_CUSTOMER_EMAIL("no_customer_email", ErrorCategory.CONFLICT),
    CHANNEL_UNLINKED("channel_unlinked", ErrorCategory.CONFLICT),
    ALREADY_SET_UP("already_set_up", ErrorCategory.CONFLICT),
    CONFLICT("conflict", ErrorCategory.CONFLICT),
    CURRENCY_MISMATCH("currency_mismatch", ErrorCategory.UNPROCESSABLE),
    PAYMENT_EXCEEDS_BALANCE("payment_exceeds_balance", ErrorCategory.UNPROCESSABLE),
    REGISTER_OUTLET_MISMATCH("register_outlet_mismatch", ErrorCategory.UNPROCESSABLE),
    STORE_IDENTITY_CHANGED("store_identity_changed", ErrorCategory.UNPROCESSABLE),
    BUSINESS_RULE("business_rule", ErrorCategory.UNPROCESSABLE),
    AMOUNT_TOO_LARGE("amount_too_large", ErrorCategory.UNPROCESSABLE),
    RETURN_EXCEEDS_SOLD("return_exceeds_sold", ErrorCategory.UNPROCESSABLE),
    SALE_IS_A_RETURN("sale_is_a_return", ErrorCategory.UNPROCESSABLE),
    IN_STORE_SALE_USE_RETURN("in_store_sale_use_return", ErrorCategory.UNPROCESSABLE),
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused", ErrorCategory.UNPROCESSABLE),
    BARCODE_UNKNOWN("barcode_unknown", ErrorCategory.UNPROCESSABLE),
    PRODUCT_NOT_IN_FULFILLMENT("product_not_in_fulfillment", ErrorCategory.UNPROCESSABLE),
    ALREADY_FULLY_PICKED("already_fully_picked", ErrorCategory.UNPROCESSABLE),
    ASSIGNEE_NOT_PERMITTED("assignee_not_permitted", ErrorCategory.UNPROCESSABLE),
    OWN_ADMIN_ROLE("own_admin_role", ErrorCategory.UNPROCESSABLE),
    OWN_ACCOUNT("own_account", ErrorCategory.UNPROCESSABLE),
    BODY_TOO_LARGE("body_too_large", ErrorCategory.TOO_LARGE),
    URI_TOO_LONG("uri_too_long", ErrorCategory.URI_TOO_LONG),
    HEADERS_TOO_LARGE("headers_too_large", ErrorCategory.HEADERS_TOO_LARGE),
    INVALID_SIGNATURE("invalid_signature", ErrorCategory.UNAUTHENTICATED),
    PLATFORM_UNAVAILABLE("platform_unavailable", ErrorCategory.UNAVAILABLE),
    PLATFORM_REFUSED("platform_refused", ErrorCategory.UNPROCESSABLE),
    DATABASE_UNAVAILABLE("database_unavailable", ErrorCategory.UNAVAILABLE),
    TOO_MANY_STREAMS("too_many_streams", ErrorCategory.UNAVAILABLE),
    INTERNAL_ERROR("internal_error", ErrorCategory.INTERNAL);

    private final String code;
    private final ErrorCategory category;

    ErrorCode(String code, ErrorCategory category) {
        this.code = code;
        this.category = category;
    }

    public String code() {
        return code;
    }

    public ErrorCategory category() {
        return category;
    }
}
