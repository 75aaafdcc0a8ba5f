package org.storeline.web.setup;

import static org.storeline.web.security.Authentication.actor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.payment.PaymentTypeService;
import org.storeline.core.register.ClosureReport;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterPeriod;
import org.storeline.core.register.RegisterService;
import org.storeline.core.settings.SettingsService;
import org.storeline.core.settings.StoreSettings;
import org.storeline.web.http.Json;
import org.storeline.web.http.JsonBody;
import org.storeline.web.http.Pages;
import org.storeline.web.http.Responses;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/** Outlets, registers (open, close, closure reports), payment types and store settings. */
public final class SetupRoutes implements Routes {
    private final OutletService outlets;
    private final RegisterService registers;
    private final PaymentTypeService paymentTypes;
    private final SettingsService settings;

    public SetupRoutes(
            OutletService outlets,
            RegisterService registers,
            PaymentTypeService paymentTypes,
            SettingsService settings) {
        this.outlets = outlets;
        this.registers = registers;
        this.paymentTypes = paymentTypes;
        this.settings = settings;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.post("/api/v1/outlets", this::createOutlet);
        routes.patch("/api/v1/outlets/{id}", this::updateOutlet);
        routes.get(
                "/api/v1/outlets",
                ctx -> Responses.ok(ctx, Pages.writeAll(outlets.list(actor(ctx)), SetupRoutes::outlet)));
        routes.get(
                "/api/v1/outlets/{id}",
                ctx -> Responses.ok(ctx, outlet(outlets.get(actor(ctx), Ids.parse("id", ctx.pathParam("id"))))));
        routes.post("/api/v1/registers", this::createRegister);
        routes.get(
                "/api/v1/registers",
                ctx -> Responses.ok(ctx, Pages.writeAll(registers.list(actor(ctx)), SetupRoutes::register)));
        routes.get(
                "/api/v1/registers/{id}",
                ctx -> Responses.ok(ctx, register(registers.get(actor(ctx), Ids.parse("id", ctx.pathParam("id"))))));
        routes.post("/api/v1/registers/{id}/open", this::openRegister);
        routes.post("/api/v1/registers/{id}/close", this::closeRegister);
        routes.get(
                "/api/v1/registers/{id}/closures",
                ctx -> Responses.ok(
                        ctx,
                        Pages.writeAll(
                                registers.closures(actor(ctx), Ids.parse("id", ctx.pathParam("id")), 100),
                                SetupRoutes::closure)));
        routes.post("/api/v1/payment-types", this::createPaymentType);
        routes.get(
                "/api/v1/payment-types",
                ctx -> Responses.ok(ctx, Pages.writeAll(paymentTypes.list(), SetupRoutes::paymentType)));
        routes.get("/api/v1/settings", ctx -> Responses.ok(ctx, settings(settings.get())));
        routes.put("/api/v1/settings", this::updateSettings);
    }

    private void createOutlet(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        Responses.created(
                ctx,
                outlet(outlets.create(
                        actor(ctx), body.text("name"), body.text("time_zone"), body.optionalText("language"))));
    }

    private void updateOutlet(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        Responses.ok(
                ctx,
                outlet(outlets.update(
                        actor(ctx),
                        Ids.parse("id", ctx.pathParam("id")),
                        body.optionalText("name"),
                        body.optionalText("language"))));
    }

    private void createRegister(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        Responses.created(ctx, register(registers.create(actor(ctx), body.id("outlet_id"), body.text("name"))));
    }

    private void openRegister(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        RegisterPeriod period =
                registers.open(actor(ctx), Ids.parse("id", ctx.pathParam("id")), body.optionalDecimal("opening_float"));
        Responses.created(ctx, period(period));
    }

    private void closeRegister(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        ClosureReport report =
                registers.close(actor(ctx), Ids.parse("id", ctx.pathParam("id")), body.optionalDecimal("counted_cash"));
        Responses.ok(ctx, closure(report));
    }

    private void createPaymentType(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        PaymentType type = paymentTypes.create(
                actor(ctx),
                body.text("name"),
                PaymentKind.fromWire(body.text("kind")),
                body.optionalText("processor"),
                body.optionalText("processor_url"),
                body.optionalText("processor_credentials"));
        Responses.created(ctx, paymentType(type));
    }

    private void updateSettings(Context ctx) {
        JsonBody body = JsonBody.of(ctx.bodyAsBytes());
        StoreSettings updated = settings.update(
                actor(ctx),
                body.optionalBoolean("prices_include_tax"),
                body.optionalText("currency").map(Money::currency));
        Responses.ok(ctx, settings(updated));
    }

    public static ObjectNode outlet(Outlet outlet) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(outlet.id()));
        node.put("number", outlet.number());
        node.put("name", outlet.name());
        node.put("time_zone", outlet.timeZone().getId());
        node.put("language", outlet.language().wireName());
        node.put("created_at", Json.time(outlet.createdAt()));
        return node;
    }

    static ObjectNode register(Register register) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(register.id()));
        node.put("outlet_id", Json.id(register.outletId()));
        node.put("name", register.name());
        node.put("status", register.status().name().toLowerCase(Locale.ROOT));
        node.set("open_period", register.openPeriod().map(SetupRoutes::period).orElse(null));
        node.put("created_at", Json.time(register.createdAt()));
        return node;
    }

    static ObjectNode period(RegisterPeriod period) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(period.id()));
        node.put("register_id", Json.id(period.registerId()));
        node.put("opened_at", Json.time(period.openedAt()));
        node.put("closed_at", period.closedAt().map(Json::time).orElse(null));
        node.put("currency", period.openingFloat().currency().getCurrencyCode());
        node.put("opening_float", Json.money(period.openingFloat()));
        node.put("counted_cash", period.countedCash().map(Json::money).orElse(null));
        return node;
    }

    /** The closure report's representation, also the items of the register closures report. */
    public static ObjectNode closure(ClosureReport report) {
        ObjectNode node = Json.object();
        node.put("register_id", Json.id(report.registerId()));
        node.put("outlet_id", Json.id(report.outletId()));
        node.set("period", period(report.period()));
        ArrayNode payments = node.putArray("payments");
        for (ClosureReport.PaymentTotal total : report.payments()) {
            ObjectNode item = payments.addObject();
            item.put("payment_type_id", Json.id(total.paymentTypeId()));
            item.put("name", total.name());
            item.put("kind", total.kind().wireName());
            item.put("processor", total.processor().orElse(null));
            item.put("count", total.count());
            item.put("currency", total.total().currency().getCurrencyCode());
            item.put("total", Json.money(total.total()));
        }
        node.put("currency", report.expectedCash().currency().getCurrencyCode());
        node.put("expected_cash", Json.money(report.expectedCash()));
        node.put("counted_cash", report.countedCash().map(Json::money).orElse(null));
        node.put("cash_difference", report.cashDifference().map(Json::money).orElse(null));
        node.put("payments_count", report.paymentsCount());
        node.put("carried_over", report.carriedOver());
        return node;
    }

    static ObjectNode paymentType(PaymentType type) {
        ObjectNode node = Json.object();
        node.put("id", Json.id(type.id()));
        node.put("name", type.name());
        node.put("kind", type.kind().wireName());
        node.put("processor", type.processor().orElse(null));
        node.put("processor_url", type.processorUrl().map(URI::toString).orElse(null));
        // The credentials are write-only: sealed at rest and never answered.
        node.put("has_processor_credentials", type.hasProcessorCredentials());
        node.put("created_at", Json.time(type.createdAt()));
        return node;
    }

    static ObjectNode settings(StoreSettings settings) {
        ObjectNode node = Json.object();
        node.put("prices_include_tax", settings.pricesIncludeTax());
        node.put("currency", settings.currency().getCurrencyCode());
        return node;
    }
}
