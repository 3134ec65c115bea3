package org.openetp.opendata;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offline OCDS 1.1.5 conformance: the vendored schemas (src/test/resources/ocds, Apache-2.0) with the lots and bids
 * extensions merged into the release schema as OCDS does (JSON Merge Patch, RFC 7386), validated by networknt's
 * draft-04 validator with every remote schema address mapped to its vendored file; then the checks the OCDS data
 * review tool adds beyond the schema: the ocid prefix, unique release ids in a package, closed code lists, and no
 * empty strings, objects or arrays (nor nulls).
 */
final class OcdsConformance {

    static final String BASE = "https://standard.open-contracting.org/schema/1__1__5/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Schema releasePackage;
    private final Schema recordPackage;
    private final JsonNode releaseSchema;
    private final Map<String, Set<String>> codelists = new HashMap<>();
    private final List<String> prefixes;

    /** Checks against the ocid prefixes given (the platform's; tests that publish under another add theirs). */
    OcdsConformance(String... prefixes) {
        this.prefixes = List.of(prefixes);
        ObjectNode release = (ObjectNode) JSON.readTree(resource("1__1__5/release-schema.json"));
        mergePatch(release, JSON.readTree(resource("extensions/lots/release-schema.json")));
        mergePatch(release, JSON.readTree(resource("extensions/bids/release-schema.json")));
        this.releaseSchema = release;
        Map<String, String> mapped = new HashMap<>();
        mapped.put(BASE + "release-schema.json", release.toString());
        for (String file : List.of("release-package-schema.json", "record-package-schema.json",
                "versioned-release-validation-schema.json")) {
            mapped.put(BASE + file, resource("1__1__5/" + file));
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemas(mapped));
        this.releasePackage = registry.getSchema(SchemaLocation.of(BASE + "release-package-schema.json"));
        this.recordPackage = registry.getSchema(SchemaLocation.of(BASE + "record-package-schema.json"));
    }

    /** Every problem of a release package's JSON text; empty when it conforms. */
    List<String> releasePackageProblems(String json) {
        JsonNode pack = JSON.readTree(json);
        List<String> problems = schemaProblems(releasePackage, json);
        problems.addAll(beyondSchema(pack, pack.path("releases")));
        return problems;
    }

    /** Every problem of a record package's JSON text; empty when it conforms. */
    List<String> recordPackageProblems(String json) {
        JsonNode pack = JSON.readTree(json);
        List<String> problems = schemaProblems(recordPackage, json);
        List<JsonNode> releases = new ArrayList<>();
        for (JsonNode record : pack.path("records")) {
            record.path("releases").forEach(releases::add);
            if (!prefixed(record.path("ocid").asString())) {
                problems.add("record ocid without the prefix: " + record.path("ocid"));
            }
            checkCodes(record.path("compiledRelease"), releaseSchema, "compiledRelease", problems);
        }
        problems.addAll(beyondSchema(pack, JSON.valueToTree(releases)));
        return problems;
    }

    private boolean prefixed(String ocid) {
        return prefixes.stream().anyMatch(p -> ocid.startsWith(p + "-"));
    }

    private static List<String> schemaProblems(Schema schema, String json) {
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(json, InputFormat.JSON)) {
            problems.add("schema: " + error);
        }
        return problems;
    }

    private List<String> beyondSchema(JsonNode pack, JsonNode releases) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode release : releases) {
            String ocid = release.path("ocid").asString();
            if (!prefixed(ocid)) {
                problems.add("ocid without the prefix " + prefixes + ": " + ocid);
            }
            if (!ids.add(ocid + " " + release.path("id").asString())) {
                problems.add("release id repeated in the package: " + release.path("id").asString());
            }
            checkCodes(release, releaseSchema, release.path("id").asString(), problems);
        }
        noEmpties(pack, "$", problems);
        return problems;
    }

    private static void noEmpties(JsonNode node, String path, List<String> problems) {
        if (node.isNull()) {
            problems.add("null at " + path);
        } else if (node.isString() && node.asString().isBlank()) {
            problems.add("empty string at " + path);
        } else if (node.isContainer() && node.isEmpty()) {
            problems.add("empty " + (node.isArray() ? "array" : "object") + " at " + path);
        } else if (node.isObject()) {
            node.properties().forEach(e -> noEmpties(e.getValue(), path + "." + e.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                noEmpties(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    /** Walks the data beside its schema: every value of a closed code list must be one of the list's codes. */
    private void checkCodes(JsonNode data, JsonNode schema, String path, List<String> problems) {
        JsonNode s = resolve(schema);
        String codelist = s.path("codelist").asString("");
        if (!codelist.isEmpty() && !s.path("openCodelist").asBoolean(true)) {
            for (JsonNode value : data.isArray() ? data : List.of(data)) {
                if (value.isString() && !codes(codelist).contains(value.asString())) {
                    problems.add("not in the closed code list " + codelist + ": " + value.asString() + " at " + path);
                }
            }
        }
        if (data.isObject()) {
            data.properties().forEach(e -> {
                JsonNode property = s.path("properties").path(e.getKey());
                if (!property.isMissingNode()) {
                    checkCodes(e.getValue(), property, path + "." + e.getKey(), problems);
                }
            });
        } else if (data.isArray() && s.has("items")) {
            for (int i = 0; i < data.size(); i++) {
                checkCodes(data.get(i), s.path("items"), path + "[" + i + "]", problems);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/definitions/")
                ? resolve(releaseSchema.path("definitions").path(ref.substring("#/definitions/".length())))
                : schema;
    }

    private Set<String> codes(String codelist) {
        return codelists.computeIfAbsent(codelist, name -> {
            String csv = name.equals("bidStatus.csv") || name.equals("bidStatistics.csv")
                    ? resource("extensions/bids/codelists/" + name) : resource("1__1__5/codelists/" + name);
            List<String> lines = csv.lines().toList();
            List<String> header = List.of(lines.getFirst().split(","));
            int column = header.indexOf("Code");
            Set<String> codes = new LinkedHashSet<>();
            lines.stream().skip(1).map(l -> l.split(",")).filter(cells -> cells.length > column)
                    .forEach(cells -> codes.add(cells[column]));
            return codes;
        });
    }

    /** RFC 7386: objects merge member by member, null removes a member, anything else replaces. */
    static void mergePatch(ObjectNode target, JsonNode patch) {
        patch.properties().forEach(e -> {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode existing) {
                mergePatch(existing, value);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        });
    }

    static String resource(String path) {
        try (InputStream in = OcdsConformance.class.getResourceAsStream("/ocds/" + path)) {
            if (in == null) {
                throw new IllegalStateException("Missing vendored OCDS file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
