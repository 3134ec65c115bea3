package org.openetp.fuzz;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad request bodies for one operation of the OpenAPI document: a plausible body built from the operation's schema,
 * then one field at a time spoilt from a fixed seed (control characters, a 1 MB string, a wrong type, huge and
 * negative numbers, too many decimals, unknown enum values and currencies, unicode oddities), plus whole bodies
 * that are empty or of the wrong shape.
 */
final class FuzzBodies {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MEGABYTE = "x".repeat(1 << 20);

    private final JsonNode components;
    private final Random random;
    private final Function<String, String> ids;
    private final Instant now;

    /**
     * {@code ids} names a real object for an id field ({@code organizationId}), or null for a random one;
     * {@code now} is the platform's clock, which other tests move.
     */
    FuzzBodies(JsonNode openApi, long seed, Function<String, String> ids, Instant now) {
        this.components = openApi.path("components").path("schemas");
        this.random = new Random(seed);
        this.ids = ids;
        this.now = now;
    }

    /** One spoilt body as it goes on the wire, and what was spoilt (for the report). */
    record Body(String json, String spoilt) {
    }

    /** Up to {@code count} bad bodies for the schema; the same seed gives the same bodies. */
    List<Body> bodies(JsonNode schema, int count, @Nullable Object example) {
        JsonNode baseline = example == null ? baseline(schema, 0, "") : JSON.valueToTree(example);
        List<Body> bodies = new ArrayList<>();
        bodies.add(new Body("{}", "missing every field"));
        bodies.add(new Body("[1, 2]", "an array for the body"));
        bodies.add(new Body("\"text\"", "a string for the body"));
        List<String> leaves = new ArrayList<>();
        leaves(baseline, "", leaves);
        java.util.Collections.shuffle(leaves, random);
        List<Spoiler> spoilers = Spoiler.all();
        // Every field in turn, each time with a spoiler drawn from those that fit it.
        for (int i = 0; bodies.size() < count - 1 && !leaves.isEmpty() && i < count * 4; i++) {
            String leaf = leaves.get(i % leaves.size());
            JsonNode original = at(baseline, leaf);
            if (original.isMissingNode()) {
                throw new AssertionError("The fuzz lost its way to " + leaf + " in " + baseline);
            }
            List<Spoiler> fitting = spoilers.stream().filter(f -> f.fits(leaf, original)).toList();
            Spoiler spoiler = fitting.get(random.nextInt(fitting.size()));
            JsonNode spoilt = baseline.deepCopy();
            replace(spoilt, leaf, spoiler.value.apply(original));
            bodies.add(new Body(JSON.writeValueAsString(spoilt), leaf + ": " + spoiler.name));
        }
        if (!leaves.isEmpty()) {
            JsonNode missing = baseline.deepCopy();
            String leaf = leaves.get(random.nextInt(leaves.size()));
            replace(missing, leaf, null);
            bodies.add(new Body(JSON.writeValueAsString(missing), leaf + ": missing"));
        }
        return bodies;
    }

    /** Bad CSV files for the import endpoints: every kind's columns, each file spoilt in one way. */
    static List<Body> csv() {
        String header = "name,taxId,region,purchaseVolume,marketRole,account,fullName,role,supplier,product,niche,"
                + "volume,unit,price,currency\n";
        String good = "Client,7707083893,RU-MOW,100.00,BUYER,Client,Ivan,DECISION_MAKER,Acme,Paper,Office,10,box,"
                + "12.50,RUB\n";
        List<Body> bodies = new ArrayList<>();
        bodies.add(new Body("", "an empty file"));
        bodies.add(new Body(header, "a header alone"));
        bodies.add(new Body(header + good.replace("Client,77", "Cli\u0000ent,77"), "NUL byte in a cell"));
        bodies.add(new Body(header + good.replace("Paper", "Pa\u001bper"), "escape character in a cell"));
        bodies.add(new Body(header + good.replace("Paper", MEGABYTE), "1 MB cell"));
        bodies.add(new Body(header + good.replace("100.00", "1e20").replace(",10,", ",1e20,"), "huge numbers"));
        bodies.add(new Body(header + good.replace("12.50", "1.123456789").replace(",10,", ",1.123456789,"),
                "too many decimals"));
        bodies.add(new Body(header + good.replace("12.50", "-5").replace(",10,", ",-1,"), "negative numbers"));
        bodies.add(new Body(header + good.replace("RUB", "XXX"), "currency XXX"));
        bodies.add(new Body(header + good.replace("12.50", "twelve"), "text for a number"));
        bodies.add(new Body("\"unclosed,quote\n" + good, "a broken quote"));
        bodies.add(new Body(header + good.replace("Paper", "half \uD800 pair"), "lone surrogate"));
        return bodies;
    }

    /** A plausible value for the schema: the body before it is spoilt. */
    JsonNode baseline(JsonNode schema, int depth, String name) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return s.path("enum").get(0);
        }
        String type = s.path("type").asString("");
        if (type.isEmpty() && s.has("properties")) {
            type = "object";
        }
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    s.path("properties").properties().forEach(p -> object.set(p.getKey(),
                            baseline(p.getValue(), depth + 1, p.getKey())));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(baseline(s.path("items"), depth + 1, name));
                }
                return array;
            }
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.stringNode("10.50");
            case "boolean":
                return NODES.booleanNode(true);
            default:
                String id = s.path("format").asString("").equals("uuid") ? ids.apply(name) : null;
                return NODES.stringNode(id != null ? id : plausibleText(s.path("format").asString(""), name));
        }
    }

    private String plausibleText(String format, String name) {
        String lower = name.toLowerCase();
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> now.plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            case "date" -> LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(30).toString();
            case "email" -> "fuzz-" + UUID.randomUUID() + "@example.com";
            default -> lower.contains("currency") ? "RUB" : lower.contains("email") ? "fuzz@example.com"
                    : lower.endsWith("date") || lower.endsWith("on") || lower.equals("since")
                            ? LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(30).toString()
                            : lower.contains("duration") || lower.contains("period") || lower.contains("window")
                                    ? "P1D" : "fuzz text";
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.path("$ref").asString();
            s = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s.has("allOf") && s.path("allOf").size() == 1) {
            return resolve(s.path("allOf").get(0));
        }
        if (s.has("oneOf") || s.has("anyOf")) {
            return resolve((s.has("oneOf") ? s.path("oneOf") : s.path("anyOf")).get(0));
        }
        return s;
    }

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(p -> leaves(p.getValue(), path.isEmpty() ? p.getKey()
                    : path + "." + p.getKey(), out));
        } else if (node.isArray() && !node.isEmpty()) {
            if (!path.isEmpty()) {
                out.add(path);
            }
            leaves(node.get(0), path + "[0]", out);
        } else if (!path.isEmpty()) {
            out.add(path);
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : steps(path)) {
            node = step.startsWith("[") ? node.path(0) : node.path(step);
        }
        return node;
    }

    private static void replace(JsonNode root, String path, JsonNode value) {
        List<String> steps = steps(path);
        JsonNode parent = at(root, String.join(".", steps.subList(0, steps.size() - 1)).replace(".[", "["));
        String last = steps.getLast();
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(0, value == null ? NODES.nullNode() : value);
        } else if (value == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            int bracket = part.indexOf('[');
            if (bracket != 0) {
                steps.add(bracket < 0 ? part : part.substring(0, bracket));
            }
            for (int i = bracket; i >= 0; i = part.indexOf('[', i + 1)) {
                steps.add("[0]");
            }
        }
        return steps;
    }

    /** One way to spoil a value, and which values it spoils. */
    private record Spoiler(String name, String applies, Function<JsonNode, JsonNode> value) {

        boolean fits(String leaf, JsonNode original) {
            return switch (applies) {
                case "text" -> original.isString();
                case "number" -> original.isNumber() || original.isString() && original.asString().matches("[0-9.]+");
                case "currency" -> leaf.toLowerCase().endsWith("currency");
                default -> true;
            };
        }

        static List<Spoiler> all() {
            Map<String, Spoiler> s = new LinkedHashMap<>();
            add(s, "NUL byte", "text", v -> NODES.stringNode("a\u0000b"));
            add(s, "escape character", "text", v -> NODES.stringNode("bell\u0007 escape\u001b[31m"));
            add(s, "C1 control", "text", v -> NODES.stringNode("next\u0085line"));
            add(s, "1 MB string", "text", v -> NODES.stringNode(MEGABYTE));
            add(s, "lone surrogate", "text", v -> NODES.stringNode("half \uD800 pair"));
            add(s, "unicode oddities", "text", v -> NODES.stringNode("\u202Eevil\u200B\uFEFF 😀 e\u0301 ๏"));
            add(s, "unknown enum value", "text", v -> NODES.stringNode("NOT_A_VALUE"));
            add(s, "object for a scalar", "any", v -> NODES.objectNode().put("a", 1));
            add(s, "array for a value", "any", v -> NODES.arrayNode().add("a"));
            add(s, "boolean for a value", "any", v -> NODES.booleanNode(false));
            add(s, "null", "any", v -> NODES.nullNode());
            add(s, "text for a number", "number", v -> NODES.stringNode("twelve"));
            add(s, "huge number", "number", v -> NODES.numberNode(new java.math.BigDecimal("1e20")));
            add(s, "huge string number", "number", v -> NODES.stringNode("100000000000000000000000.00"));
            add(s, "negative number", "number", v -> NODES.numberNode(-1));
            add(s, "too many decimals", "number", v -> NODES.numberNode(new java.math.BigDecimal("1.123456789")));
            add(s, "long overflow", "number", v -> NODES.numberNode(new java.math.BigInteger("99999999999999999999")));
            add(s, "unknown currency XXX", "currency", v -> NODES.stringNode("XXX"));
            add(s, "gold XAU", "currency", v -> NODES.stringNode("XAU"));
            add(s, "not a currency", "currency", v -> NODES.stringNode("R$"));
            return List.copyOf(s.values());
        }

        private static void add(Map<String, Spoiler> spoilers, String name, String applies,
                Function<JsonNode, JsonNode> value) {
            spoilers.put(name, new Spoiler(name, applies, value));
        }
    }
}
