package org.storeline.web.fulfillment;

import static org.storeline.web.security.Authentication.actor;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.fulfillment.PackingSlipService;
import org.storeline.core.fulfillment.PaperSize;
import org.storeline.core.ids.Ids;
import org.storeline.web.http.RouteTable;
import org.storeline.web.http.Routes;

/**
 * A fulfillment's packing slip (delivery) or pick list (pickup) as a PDF to print, on A4 ({@code ?size=a4}, the
 * default) or a 4×6-inch label ({@code ?size=label}). Shown inline, so a browser opens it in its viewer, and named
 * after the receipt number for when it is saved.
 */
public final class PackingSlipRoutes implements Routes {
    static final String PDF_TYPE = "application/pdf";

    private final PackingSlipService slips;

    public PackingSlipRoutes(PackingSlipService slips) {
        this.slips = slips;
    }

    @Override
    public void addTo(RouteTable routes) {
        routes.get("/api/v1/fulfillments/{id}/packing-slip.pdf", this::print);
    }

    private void print(Context ctx) {
        UUID id = Ids.parse("id", ctx.pathParam("id"));
        PaperSize size = Optional.ofNullable(ctx.queryParam("size"))
                .filter(v -> !v.isBlank())
                .map(PaperSize::fromWire)
                .orElse(PaperSize.A4);
        PackingSlipService.Printed printed = slips.print(actor(ctx), id, size);
        ctx.status(200)
                .contentType(PDF_TYPE)
                .header("Content-Disposition", "inline; filename=\"" + fileName(printed.receiptNumber()) + "\"")
                .result(printed.pdf());
    }

    /** {@code 1-000042.pdf}: a receipt number is digits and a dash; anything else is made a dash all the same. */
    static String fileName(String receiptNumber) {
        return receiptNumber.replaceAll("[^A-Za-z0-9-]", "-") + ".pdf";
    }
}
