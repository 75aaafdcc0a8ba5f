package org.storeline.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.money.Money;

/**
 * The one JSON mapper of the API, and small helpers to write representations field by field:
 * explicit snake_case names, money as decimal strings, ids as strings, times as ISO-8601 UTC.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? object() : node;
        } catch (JsonProcessingException e) {
            throw new StorelineException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (java.io.IOException e) {
            throw new StorelineException(ErrorCode.MALFORMED_JSON, "The request body could not be read.");
        }
    }

    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    public static String id(UUID id) {
        return id == null ? null : id.toString();
    }

    public static String id(Optional<UUID> id) {
        return id.map(UUID::toString).orElse(null);
    }

    public static String money(Money money) {
        return money.toDecimalString();
    }

    public static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
