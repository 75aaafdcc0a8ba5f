package org.storeline.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** Writes JSON answers. */
public final class Responses {
    private Responses() {}

    public static void ok(Context ctx, JsonNode body) {
        ctx.status(200).contentType("application/json").result(Json.write(body));
    }

    public static void created(Context ctx, JsonNode body) {
        ctx.status(201).contentType("application/json").result(Json.write(body));
    }
}
