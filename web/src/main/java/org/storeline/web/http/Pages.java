package org.storeline.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;

/** Reads {@code limit} and the opaque {@code cursor}; writes {@code {"items": [...], "next_cursor": ...}}. */
public final class Pages {
    private Pages() {}

    public static PageRequest request(Context ctx) {
        int limit = PageRequest.DEFAULT_LIMIT;
        String limitParam = ctx.queryParam("limit");
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam.trim());
            } catch (NumberFormatException e) {
                throw StorelineException.invalid(
                        "limit must be a whole number between 1 and " + PageRequest.MAX_LIMIT + ".");
            }
        }
        return new PageRequest(
                limit,
                Optional.ofNullable(ctx.queryParam("cursor"))
                        .filter(c -> !c.isBlank())
                        .map(Pages::decode));
    }

    public static <T> ObjectNode write(Page<T> page, Function<T, JsonNode> representation) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(item -> items.add(representation.apply(item)));
        body.put("next_cursor", page.next().map(Pages::encode).orElse(null));
        return body;
    }

    /** A whole list in the same envelope, for lists that are short by nature (outlets, payment types). */
    public static <T> ObjectNode writeAll(Iterable<T> items, Function<T, JsonNode> representation) {
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("items");
        items.forEach(item -> array.add(representation.apply(item)));
        body.putNull("next_cursor");
        return body;
    }

    static String encode(UUID id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(id.toString().getBytes(StandardCharsets.UTF_8));
    }

    static UUID decode(String cursor) {
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new StorelineException(
                    ErrorCode.INVALID_CURSOR, "The cursor is not one this API gave out; start again without a cursor.");
        }
    }
}
