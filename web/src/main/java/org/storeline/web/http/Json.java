package org.storeline.web.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.money.Money;

/**
 * The one JSON mapper of the API, and small helpers to write representations field by field:
 * explicit snake_case names, money as decimal strings, ids as strings, times as ISO-8601 UTC.
 * Reading refuses, while it parses, what no request of this API holds: nesting deeper than
 * {@value #MAX_NESTING_DEPTH} levels and numbers longer than {@value #MAX_NUMBER_LENGTH} characters.
 */
public final class Json {
    static final int MAX_NESTING_DEPTH = 50;
    static final int MAX_NUMBER_LENGTH = 100;

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** The body's JSON; an empty body reads as an empty object. Errors say what is wrong and where, in our words. */
    public static JsonNode parse(byte[] body) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonNode node;
            try {
                node = MAPPER.readTree(parser);
                if (node != null && parser.nextToken() != null) {
                    throw new StorelineException(
                            ErrorCode.MALFORMED_JSON,
                            "The request body holds more than one JSON value; send a single JSON object.");
                }
            } catch (StreamConstraintsException e) {
                throw JsonProblems.beyondLimits(e, parser.getParsingContext());
            } catch (JsonProcessingException e) {
                throw JsonProblems.malformed(e);
            }
            return node == null || node.isMissingNode() ? object() : node;
        } catch (IOException e) {
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
