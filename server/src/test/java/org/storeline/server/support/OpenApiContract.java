package org.storeline.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds every answer the tests receive to the OpenAPI document the server publishes (the web module's
 * {@code openapi.json}, the same resource {@code GET /api/v1/openapi.json} serves): the path and method must be
 * documented, the status documented for that operation, the media type documented for that status, and a JSON
 * body must match the documented schema. So the document cannot drift from what the server answers.
 *
 * <p>The check is stricter than the document alone: an object schema that lists its properties and says nothing
 * of others is closed here ({@code additionalProperties: false}), so a field the server sends but the document
 * does not name fails too. Formats ({@code uuid}, {@code date-time}, ...) are asserted, not just annotations.
 */
public final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT_IRI = "https://storeline.invalid/openapi.json";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final OpenApiContract PUBLISHED = new OpenApiContract(readResource("/openapi.json"));

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public OpenApiContract(String documentJson) {
        this.document = read(documentJson);
        JsonNode closed = document.deepCopy();
        close(closed);
        String closedJson = closed.toString();
        this.registry = SchemaRegistry.withDefaultDialect(
                dialect(document),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, closedJson))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build()));
    }

    /** The document the server publishes. */
    public static OpenApiContract published() {
        return PUBLISHED;
    }

    /**
     * OpenAPI 3.1's schema dialect, told that the document's own top-level fields (paths, components, ...) are
     * not schema keywords: the document is loaded whole so that its {@code $ref}s resolve.
     */
    private static Dialect dialect(JsonNode document) {
        List<NonValidationKeyword> documentFields = new ArrayList<>();
        document.fieldNames().forEachRemaining(name -> documentFields.add(new NonValidationKeyword(name)));
        return Dialect.builder(Dialects.getOpenApi31()).keywords(documentFields).build();
    }

    /** Answers what is wrong with this answer to {@code method path}; empty when the document describes it. */
    public List<String> problems(String method, String path, int status, String contentType, String body) {
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            return List.of("the document describes no path matching " + path);
        }
        String operationPointer = "/paths/" + escape(template.get()) + "/" + method.toLowerCase(Locale.ROOT);
        if (document.at(operationPointer).isMissingNode()) {
            return List.of("the document describes no " + method.toUpperCase(Locale.ROOT) + " on " + template.get());
        }
        Optional<String> responsePointer = response(operationPointer, status);
        if (responsePointer.isEmpty()) {
            return List.of("the document gives no " + status + " answer for this operation");
        }
        return bodyProblems(responsePointer.get(), contentType, body);
    }

    /** For calls the document deliberately leaves out (no such path, say): an error body is still an Error. */
    public List<String> undocumentedProblems(int status, String contentType, String body) {
        if (status < 400 || body.isEmpty()) {
            return List.of();
        }
        if (!isJson(contentType)) {
            return List.of("an error answer should be JSON, not " + contentType);
        }
        return schemaProblems("/components/schemas/Error", body);
    }

    /** What is wrong with {@code json} as an instance of the document's schema {@code name} (components/schemas). */
    public List<String> problemsAsSchema(String name, String json) {
        return schemaProblems("/components/schemas/" + escape(name), json);
    }

    private List<String> bodyProblems(String responsePointer, String contentType, String body) {
        JsonNode content = document.at(responsePointer + "/content");
        if (body.isEmpty()) {
            return content.isMissingNode()
                    ? List.of()
                    : List.of("the document gives this answer a body (" + names(content) + "), but it is empty");
        }
        if (content.isMissingNode()) {
            return List.of("the document says this answer has no body, but it has: " + abbreviate(body));
        }
        Optional<String> documentedType = documentedType(content, contentType);
        if (documentedType.isEmpty()) {
            return List.of("the document lists " + names(content) + " for this answer, not " + contentType);
        }
        if (!isJson(contentType)) {
            return List.of();
        }
        String schemaPointer = responsePointer + "/content/" + escape(documentedType.get()) + "/schema";
        if (document.at(schemaPointer).isMissingNode()) {
            return List.of("the document gives this JSON answer no schema");
        }
        return schemaProblems(schemaPointer, body);
    }

    private List<String> schemaProblems(String schemaPointer, String body) {
        Schema schema = schemas.computeIfAbsent(
                schemaPointer, pointer -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + pointer)));
        List<Error> errors;
        try {
            errors = schema.validate(body, InputFormat.JSON);
        } catch (RuntimeException notJson) {
            return List.of("the body is not JSON: " + abbreviate(body));
        }
        return errors.stream().map(OpenApiContract::describe).toList();
    }

    /** Where in the body, what is wrong, and which part of the document says so. */
    private static String describe(Error error) {
        String where = error.getInstanceLocation().toString();
        return (where.isEmpty() ? "the body" : where) + ": " + error.getMessage() + " ("
                + error.getSchemaLocation().getFragment() + ")";
    }

    /** The documented path this concrete path matches: literal segments win over parameters (users/me). */
    private Optional<String> template(String path) {
        String[] actual = path.split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            int literals = literalMatches(candidate.split("/", -1), actual);
            if (literals > bestLiterals) {
                best = candidate;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How many literal segments match, or -1 when the template does not match the path. */
    private static int literalMatches(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < template.length; i++) {
            boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
            if (parameter && !actual[i].isEmpty()) {
                continue;
            }
            if (!template[i].equals(actual[i])) {
                return -1;
            }
            literals++;
        }
        return literals;
    }

    /** The pointer to the response documented for this status ({@code $ref} followed), if any. */
    private Optional<String> response(String operationPointer, int status) {
        JsonNode responses = document.at(operationPointer + "/responses");
        String code = Integer.toString(status);
        for (String key : List.of(code, code.charAt(0) + "XX", "default")) {
            if (responses.has(key)) {
                String pointer = operationPointer + "/responses/" + escape(key);
                JsonNode ref = document.at(pointer + "/$ref");
                return Optional.of(ref.isTextual() ? ref.asText().substring(1) : pointer);
            }
        }
        return Optional.empty();
    }

    /** Closes every object schema that lists its properties and leaves additionalProperties unsaid. */
    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties")
                    && object.path("properties").isObject()
                    && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.put("additionalProperties", false);
            }
        }
        for (JsonNode child : node) {
            close(child);
        }
    }

    /** The content key with this media type; parameters such as charset do not count. */
    private static Optional<String> documentedType(JsonNode content, String contentType) {
        for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (mediaType(key).equals(mediaType(contentType))) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String contentType) {
        String mediaType = mediaType(contentType);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readResource(String name) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath (it comes with the web module)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
