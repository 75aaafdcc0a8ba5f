package org.storeline.web.app.sale;

import java.util.List;
import java.util.Optional;
import org.storeline.web.app.sale.SalesListPage.Choice;
import org.storeline.web.app.view.Shell;

/**
 * One sale's page: what was sold and paid, its fulfillments and activity, and the dialogs of the actions it takes
 * now (core decides which): Apply payment, Return items, Cancel. {@code open} names a dialog to show at once (the
 * fulfillment page's Take payment, or a refused form shown again with the server's reason).
 */
public record SalePageView(
        Shell shell,
        Summary sale,
        List<Line> lines,
        List<Payment> payments,
        List<FulfillmentLink> fulfillments,
        List<Activity> activity,
        Optional<PaymentForm> pay,
        Optional<ReturnForm> returnForm,
        boolean cancellable,
        Optional<String> open,
        Optional<Outcome> outcome,
        Optional<String> cancelError,
        String backUrl) {

    public record Summary(
            String id,
            String receipt,
            String orderNumber,
            String createdIso,
            String created,
            String outlet,
            String channel,
            String customer,
            String email,
            String statusKey,
            String status,
            String paymentKey,
            String payment,
            String note,
            String total,
            String tax,
            String paid,
            String balance,
            Optional<String> returnOf) {}

    public record Line(String sku, String name, long quantity, String unitPrice, String total, String kind) {}

    public record Payment(String type, String amount, String paidIso, String paidAt, String register) {}

    /** A fulfillment of the sale; {@code opens} when the user may open it (not another outlet's part of an order). */
    public record FulfillmentLink(
            String id, String outlet, String type, String statusKey, String status, boolean opens) {}

    public record Activity(String atIso, String at, String text, Optional<String> detail) {}

    /** Apply payment: the choices and the values to show (the balance and now by default, or what was sent). */
    public record PaymentForm(
            List<Choice> types,
            String amount,
            List<Choice> registers,
            String date,
            String time,
            String shown,
            Optional<String> error) {}

    /** Return items: each line with what is left to return, and where the units and the money go. */
    public record ReturnForm(
            List<ReturnLine> lines,
            String reason,
            List<Choice> outlets,
            List<Choice> refundTypes,
            List<Choice> registers,
            String key,
            Optional<String> error) {}

    public record ReturnLine(String id, String sku, String name, long sold, long left, long value) {}

    /** What the last action did: a notice (or a warning) with its heading and the server's details. */
    public record Outcome(String kind, String heading, Optional<String> detail) {}
}
