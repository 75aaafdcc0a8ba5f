package org.storeline.core.user;

/** Rights that roles grant; see {@link Role} for who has which. */
public enum Permission {
    MANAGE_USERS("manage users"),
    MANAGE_OUTLETS("create outlets"),
    MANAGE_SETTINGS("change store settings"),
    MANAGE_PAYMENT_TYPES("manage payment types"),
    MANAGE_CATALOG("manage products"),
    MANAGE_REGISTERS("create registers"),
    ADJUST_STOCK("set stock levels"),
    OPERATE_REGISTERS("open and close registers"),
    SELL("record sales and payments"),
    MANAGE_CUSTOMERS("manage customers"),
    MANAGE_CHANNELS("connect and manage online channels");

    private final String description;

    Permission(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
