package org.storeline.core.refund;

import org.storeline.core.money.Money;
import org.storeline.core.payment.PaymentType;

/**
 * What the cashier must do when Storeline sends no refund itself (RET-3: an external processor is refunded at its
 * own portal, and Storeline says so), in plain words and with the amount.
 */
public final class RefundInstructions {
    private RefundInstructions() {}

    public static String forHandRefund(PaymentType type, Money amount) {
        String money = amount.toDecimalString();
        return switch (type.kind()) {
            case CASH -> "Give the customer " + money + " in cash.";
            case CARD ->
                "Refund " + money + " to the customer's card on the card terminal: Storeline sends no"
                        + " refund to it.";
            case BANK_DEPOSIT -> "Transfer " + money + " back to the customer's bank account.";
            case CHEQUE -> "Give the customer " + money + " back by cheque.";
            case INTEGRATED ->
                "Refund " + money + " at " + type.refunder() + "'s portal: Storeline sends no refund"
                        + " to this processor.";
            case OTHER ->
                "Refund " + money + " to the customer through " + type.name() + ": Storeline sends no refund"
                        + " for it.";
        };
    }

    public static String nothingPaid(String receiptNumber) {
        return "No payment was taken for sale " + receiptNumber + ": nothing to refund.";
    }

    public static String nothingLeft(String receiptNumber) {
        return "Nothing left to refund: what was paid for sale " + receiptNumber + " is refunded already.";
    }
}
