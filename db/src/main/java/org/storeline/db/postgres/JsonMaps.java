package org.storeline.db.postgres;

import java.util.HashMap;
import java.util.Map;
import org.jooq.JSON;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.JSONValue;
import org.jooq.tools.json.ParseException;

/**
 * String maps (a delivery's headers and query, a channel's credentials) as JSON objects: jsonb in a column, or text to
 * seal. jOOQ's own small JSON reader and writer do it, so that the database module needs no JSON library of its own.
 */
public final class JsonMaps {
    private JsonMaps() {}

    public static String toJson(Map<String, String> values) {
        return JSONValue.toJSONString(values);
    }

    public static Map<String, String> fromJson(String json) {
        Object parsed;
        try {
            parsed = new JSONParser().parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored JSON object of strings could not be read back", e);
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            throw new IllegalStateException("A stored JSON object of strings is not an object");
        }
        Map<String, String> values = new HashMap<>();
        object.forEach((name, value) -> values.put(String.valueOf(name), value == null ? null : String.valueOf(value)));
        return values;
    }

    /**
     * A channel's credentials as they were sealed: JSON, or the "name: value" lines with backslash escapes that
     * credentials sealed before December 2026 hold (read, never written: a channel saved again is sealed as JSON).
     */
    public static Map<String, String> fromSealedCredentials(String text) {
        if (text.startsWith("{")) {
            return fromJson(text);
        }
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int separator = line.indexOf(": ");
            if (separator >= 0) {
                values.put(
                        unescapeOldLine(line.substring(0, separator)), unescapeOldLine(line.substring(separator + 2)));
            }
        }
        return values;
    }

    private static String unescapeOldLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(
                        switch (next) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 'c' -> ':';
                            default -> next;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * For a jsonb column. jOOQ's classes come from a schema simulation that knows only json, so the column's Java
     * type is {@link JSON}; PostgreSQL turns the json it is sent into jsonb when it stores it.
     */
    public static JSON toJsonb(Map<String, String> values) {
        return JSON.valueOf(toJson(values));
    }

    public static Map<String, String> fromJsonb(JSON json) {
        return fromJson(json.data());
    }
}
