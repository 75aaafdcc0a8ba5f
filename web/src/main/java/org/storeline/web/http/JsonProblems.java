package org.storeline.web.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * Why a body could not be read, said in our words. The parser's own messages are written for the
 * programmers of the parser: they name its classes and switches ({@code JsonReadFeature...}), which
 * mean nothing to a caller and tell them how we are built. Only their plain first part is kept, and only
 * when it names none of that.
 */
final class JsonProblems {
    private static final String HINT = "check the quotes, commas and brackets there";
    /** Where the parser's message turns to its own settings or source: everything from there is dropped. */
    private static final List<String> CUTS = List.of(
            " (start marker at", ": enable `", " (not recognized as one", ": not allowed as per", " at [Source", "\n");

    private static final Pattern INTERNALS =
            Pattern.compile("`|jackson|fasterxml|feature|constraint|java\\.|\\[source", Pattern.CASE_INSENSITIVE);

    private JsonProblems() {}

    static StorelineException malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where =
                at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String problem = problem(e);
        return new StorelineException(
                ErrorCode.MALFORMED_JSON,
                "The request body is not valid JSON" + where + ": " + problem
                        + (problem.matches(".*[.?!]") ? "" : "."));
    }

    /** A body beyond what the parser was allowed to read: too deep, or a number too long, named by its field. */
    static StorelineException beyondLimits(StreamConstraintsException e, JsonStreamContext context) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Number")) {
            return new StorelineException(
                    ErrorCode.NUMBER_OUT_OF_RANGE,
                    field(context) + " is a number of more than " + Json.MAX_NUMBER_LENGTH
                            + " characters; no number in this API is that long.");
        }
        if (message.contains("nesting depth")) {
            return new StorelineException(
                    ErrorCode.MALFORMED_JSON,
                    "The request body nests objects and lists more"
                            + " than " + Json.MAX_NESTING_DEPTH
                            + " levels deep; no request of this API needs more than a"
                            + " few.");
        }
        return new StorelineException(
                ErrorCode.MALFORMED_JSON,
                "The request body holds a value too long to read near " + field(context) + ".");
    }

    private static String problem(JsonProcessingException e) {
        String text = e.getOriginalMessage();
        if (text == null) {
            return HINT;
        }
        for (String cut : CUTS) {
            int at = text.indexOf(cut);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        return text.isBlank() || INTERNALS.matcher(text).find() ? HINT : text.strip();
    }

    /** The field the parser was in, as the API names fields: {@code lines[0].unit_price}. */
    static String field(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push((c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            }
        }
        return parts.isEmpty() ? "The request body" : String.join("", parts);
    }
}
