package org.storeline.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Decimals;

/**
 * A request body read field by field, with messages that name the exact field at fault
 * ({@code lines[1].quantity must be a whole number}). Every value is checked here, when the request is read and
 * before any use case opens a transaction: text must be storable ({@link Require#storable}) and numbers within
 * {@link Decimals}' bounds, so that no request parses a runaway number while it holds a lock.
 */
public final class JsonBody {
    private final JsonNode node;
    private final String path;

    private JsonBody(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static JsonBody of(byte[] bytes) {
        JsonNode node = Json.parse(bytes);
        if (!node.isObject()) {
            throw StorelineException.invalid("The request body must be a JSON object.");
        }
        return new JsonBody(node, "");
    }

    private String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private Optional<JsonNode> value(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** The field names of this object, in the order they came. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(n -> names.add(Require.storable(name(n) + " (a name)", n)));
        return names;
    }

    public boolean has(String field) {
        return value(field).isPresent();
    }

    public Optional<String> optionalText(String field) {
        return value(field).map(v -> {
            if (!v.isTextual()) {
                throw StorelineException.invalid(name(field) + " must be a string.");
            }
            return Require.storable(name(field), v.asText());
        });
    }

    public String text(String field) {
        return optionalText(field).orElseThrow(() -> StorelineException.invalid(name(field) + " is required."));
    }

    /**
     * A decimal amount: a string such as "12.50" (preferred) or a JSON number, within {@link Decimals}' bounds
     * (number_out_of_range otherwise), given back in plain digits.
     */
    public Optional<String> optionalDecimal(String field) {
        return value(field).map(v -> {
            if (v.isTextual()) {
                return Decimals.parse(name(field), v.asText()).toPlainString();
            }
            if (v.isNumber()) {
                return Decimals.bounded(name(field), v.decimalValue()).toPlainString();
            }
            throw StorelineException.invalid(name(field) + " must be a decimal string such as \"12.50\".");
        });
    }

    public String decimal(String field) {
        return optionalDecimal(field).orElseThrow(() -> StorelineException.invalid(name(field) + " is required."));
    }

    public Optional<Long> optionalWholeNumber(String field) {
        return value(field).map(v -> {
            if (!v.isIntegralNumber()) {
                throw StorelineException.invalid(name(field) + " must be a whole number.");
            }
            if (!v.canConvertToLong()) {
                throw new StorelineException(
                        ErrorCode.NUMBER_OUT_OF_RANGE, name(field) + " is too large for a whole number here.");
            }
            return v.asLong();
        });
    }

    public long wholeNumber(String field) {
        return optionalWholeNumber(field).orElseThrow(() -> StorelineException.invalid(name(field) + " is required."));
    }

    public Optional<Boolean> optionalBoolean(String field) {
        return value(field).map(v -> {
            if (!v.isBoolean()) {
                throw StorelineException.invalid(name(field) + " must be true or false.");
            }
            return v.asBoolean();
        });
    }

    public Optional<UUID> optionalId(String field) {
        return optionalText(field).map(v -> Ids.parse(name(field), v));
    }

    public UUID id(String field) {
        return Ids.parse(name(field), optionalText(field).orElse(null));
    }

    public Optional<Instant> optionalTime(String field) {
        return optionalText(field).map(v -> {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                throw StorelineException.invalid(
                        name(field) + " must be an ISO-8601 time with offset, such as 2026-11-22T10:15:00Z.");
            }
        });
    }

    public List<String> textList(String field) {
        List<String> values = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(field)) {
            if (!item.isTextual()) {
                throw StorelineException.invalid(name(field) + "[" + i + "] must be a string.");
            }
            values.add(Require.storable(name(field) + "[" + i + "]", item.asText()));
            i++;
        }
        return values;
    }

    public List<UUID> idList(String field) {
        List<UUID> ids = new ArrayList<>();
        List<String> texts = textList(field);
        for (int i = 0; i < texts.size(); i++) {
            ids.add(Ids.parse(name(field) + "[" + i + "]", texts.get(i)));
        }
        return ids;
    }

    public List<JsonBody> objectList(String field) {
        List<JsonBody> items = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(field)) {
            String itemPath = name(field) + "[" + i + "]";
            if (!item.isObject()) {
                throw StorelineException.invalid(itemPath + " must be an object.");
            }
            items.add(new JsonBody(item, itemPath));
            i++;
        }
        return items;
    }

    public Optional<JsonBody> optionalObject(String field) {
        return value(field).map(v -> {
            if (!v.isObject()) {
                throw StorelineException.invalid(name(field) + " must be an object.");
            }
            return new JsonBody(v, name(field));
        });
    }

    private Iterable<JsonNode> array(String field) {
        Optional<JsonNode> value = value(field);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!value.get().isArray()) {
            throw StorelineException.invalid(name(field) + " must be a list.");
        }
        return value.get();
    }
}
