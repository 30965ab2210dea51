package cn.anju.support;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Hostile requests built from an OpenAPI operation: every parameter and every field of the body gets the hostile
 * value of one {@link Kind} (all at once, so a request is refused as soon as one field is, and a hostile request that
 * is not refused is rare: nothing of the kind should be written to the shared test database).
 */
public final class HostileRequests {

    private static final long NO_SUCH_ID = 987_654_321L;

    /** One kind of hostile input: what a string, a number and an identifier in the path become. */
    public enum Kind {
        NUL("巡查\u0000记录", NO_SUCH_ID),
        LONE_SURROGATE("a\uD800b\uDC00", NO_SUCH_ID),
        TEN_THOUSAND_CHARACTERS("长".repeat(10) + "x".repeat(9_990), Long.MAX_VALUE),
        RIGHT_TO_LEFT_OVERRIDE("\u202Eexe.txt\u202D", 0),
        SQL("' OR '1'='1'; DROP TABLE unit; --", -1),
        PATH("../../../../etc/passwd%00/..%2f..%2f", Long.MIN_VALUE),
        HUGE_NUMBERS("9".repeat(40), new BigInteger("9".repeat(40))),
        WRONG_TYPES(null, null),
        MISSING_FIELDS(null, null),
        // numbers are never the id of a record (0, negative, too large, or this one): a request is never about real data
        EXTRA_FIELDS("extra", NO_SUCH_ID);

        final String text;
        final Object number;

        Kind(String text, Object number) {
            this.text = text;
            this.number = number;
        }
    }

    /** A request to send: method, path with its query, the content type and body (null for none). */
    public record Request(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        @Override
        public String toString() {
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "..." : path);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HostileRequests() {
    }

    public static Request build(String method, String pathPattern, Operation operation, Kind kind) {
        String path = pathPattern;
        StringJoiner query = new StringJoiner("&");
        LinkedHashMap<String, String> headers = new LinkedHashMap<>();
        for (Parameter p : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            String value = text(p.getSchema(), kind);
            switch (p.getIn()) {
                case "path" -> path = path.replace("{" + p.getName() + "}", encode(value == null ? String.valueOf(NO_SUCH_ID) : value));
                case "query" -> {
                    if (value != null) {
                        query.add(encode(p.getName()) + "=" + encode(value));
                    }
                }
                case "header" -> {
                    if (value != null) {
                        headers.put(p.getName(), value.replaceAll("[^\\x20-\\x7e]", "?")); // HTTP carries no NUL in a header
                    }
                }
                default -> {
                }
            }
        }
        if (kind == Kind.EXTRA_FIELDS) {
            query.add("unknown=1").add("districtCode=999999");
        }
        String full = query.length() == 0 ? path : path + "?" + query;
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return new Request(method, full, null, null, headers);
        }
        var content = operation.getRequestBody().getContent();
        if (content.containsKey("application/json")) {
            JsonNode body = value(content.get("application/json").getSchema(), kind, 0);
            return new Request(method, full, "application/json", JSON.writeValueAsBytes(body), headers);
        }
        String type = content.keySet().iterator().next();
        if (type.startsWith("multipart/")) {
            return multipart(method, full, content.get(type).getSchema(), kind, headers);
        }
        return new Request(method, full, type, kind.text == null ? new byte[0] : kind.text.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A query or path value; null leaves a parameter out. */
    private static String text(Schema<?> schema, Kind kind) {
        if (kind == Kind.MISSING_FIELDS) {
            return null;
        }
        if (kind == Kind.WRONG_TYPES) {
            return isNumeric(schema) ? "abc" : "12345";
        }
        return isNumeric(schema) ? kind.number.toString() : kind.text;
    }

    private static JsonNode value(Schema<?> schema, Kind kind, int depth) {
        String type = type(schema);
        if (depth > 4) {
            return NODES.nullNode();
        }
        if ("object".equals(type) || schema.getProperties() != null) {
            ObjectNode object = NODES.objectNode();
            if (kind == Kind.MISSING_FIELDS) {
                return object;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> object.set(name, value(property, kind, depth + 1)));
            }
            if (kind == Kind.EXTRA_FIELDS) {
                object.put("id", 1).put("version", -1).put("districtCode", "999999").put("role", "SYSTEM_ADMIN");
                object.set("unknown", NODES.objectNode().put("$where", "1"));
            }
            return object;
        }
        if (kind == Kind.WRONG_TYPES) {
            return "array".equals(type) ? NODES.objectNode() : isNumeric(schema) || "boolean".equals(type)
                    ? NODES.stringNode("abc") : NODES.arrayNode().add(1);
        }
        if ("array".equals(type)) {
            ArrayNode array = NODES.arrayNode();
            return kind == Kind.MISSING_FIELDS ? array : array.add(value(schema.getItems(), kind, depth + 1));
        }
        if ("boolean".equals(type)) {
            return NODES.booleanNode(true);
        }
        if (isNumeric(schema)) {
            return kind.number instanceof BigInteger big ? NODES.numberNode(big) : NODES.numberNode(((Number) kind.number).longValue());
        }
        return NODES.stringNode(kind.text);
    }

    private static Request multipart(String method, String path, Schema<?> schema, Kind kind, Map<String, String> headers) {
        String boundary = "----fuzz" + kind.ordinal();
        StringBuilder b = new StringBuilder();
        if (schema != null && schema.getProperties() != null && kind != Kind.MISSING_FIELDS) {
            schema.getProperties().forEach((name, property) -> {
                boolean file = "binary".equals(property.getFormat())
                        || (property.getItems() != null && "binary".equals(property.getItems().getFormat()));
                b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
                if (file) {
                    String fileName = kind.text == null ? "a.xlsx" : kind.text.replace("\"", "") + ".xlsx";
                    b.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream");
                }
                b.append("\r\n\r\n").append(kind.text == null ? "12345" : kind.text).append("\r\n");
            });
        }
        b.append("--").append(boundary).append("--\r\n");
        return new Request(method, path, "multipart/form-data; boundary=" + boundary, b.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static boolean isNumeric(Schema<?> schema) {
        return Set.of("integer", "number").contains(type(schema));
    }

    /** OpenAPI 3.1 keeps the type in a set ({@code ["string", "null"]}), 3.0 in one field. */
    private static String type(Schema<?> schema) {
        if (schema == null) {
            return "string";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getTypes() == null ? "object" : schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse("string");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
