package org.rota.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** Reading, normalising and writing OpenAPI documents (YAML or JSON). */
public final class OpenApiDocuments {

    /** What a value that differs between runs of the same build (an issuer on a random port) is replaced with. */
    static final String VARIES_PER_RUN = "<varies per run>";

    // every string quoted: unquoted, a YAML 1.1 reader would take "13:45:30" or "1e3" for a number
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public static JsonNode parse(String yamlOrJson) {
        try {
            return normalised(YAML.readTree(yamlOrJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not an OpenAPI document in YAML or JSON: " + e.getMessage(), e);
        }
    }

    public static JsonNode read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Writes the document in a stable form: keys sorted, so that a diff in review shows only what changed. */
    public static void write(JsonNode document, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Object sorted = YAML.treeToValue(document, Object.class);
            Files.writeString(file, YAML.writeValueAsString(sorted));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public static String toYaml(JsonNode document) {
        try {
            return YAML.writeValueAsString(YAML.treeToValue(document, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document without what differs between two runs of the same code: the OpenID Connect issuer of a security
     * scheme (the test OIDC server listens on a random port), and the URLs of OAuth flows.
     */
    static JsonNode normalised(JsonNode document) {
        JsonNode copy = document.deepCopy();
        JsonNode schemes = copy.path("components").path("securitySchemes");
        for (Iterator<JsonNode> it = schemes.elements(); it.hasNext();) {
            JsonNode scheme = it.next();
            if (scheme instanceof ObjectNode object && object.has("openIdConnectUrl")) {
                object.put("openIdConnectUrl", VARIES_PER_RUN);
            }
            for (Iterator<JsonNode> flows = scheme.path("flows").elements(); flows.hasNext();) {
                if (flows.next() instanceof ObjectNode flow) {
                    for (String url : List.of("authorizationUrl", "tokenUrl", "refreshUrl")) {
                        if (flow.has(url)) {
                            flow.put(url, VARIES_PER_RUN);
                        }
                    }
                }
            }
        }
        return copy;
    }

    /** The JSON pointers where two documents differ, each with what changed, in document order. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        collect("", expected, actual, differences);
        return differences;
    }

    private static void collect(String pointer, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    differences.add("- " + child + " (only in the committed document)");
                } else if (!expected.has(name)) {
                    differences.add("+ " + child + " (only in the served document)");
                } else {
                    collect(child, expected.get(name), actual.get(name), differences);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                collect(pointer + "/" + i, expected.get(i), actual.get(i), differences);
            }
        } else {
            differences.add("~ " + (pointer.isEmpty() ? "/" : pointer) + ": committed " + brief(expected)
                    + ", served " + brief(actual));
        }
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    static Map<String, Object> asMap(JsonNode node) {
        return YAML.convertValue(node, Map.class);
    }

    private OpenApiDocuments() {
    }
}
