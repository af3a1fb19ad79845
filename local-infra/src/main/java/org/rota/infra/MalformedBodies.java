package org.rota.infra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request bodies a careless or hostile client sends, generated from a valid example with a seeded random source (the
 * seed is printed by the tests, so a failing body can be generated again): no body, {@code null}, other JSON values,
 * truncated JSON, random bytes, and the example with a few values anywhere in it replaced by a wrong type, null,
 * a huge or tiny number, a string holding NUL, lone surrogates or 10,000 characters, an impossible date or enum
 * value, or with a field removed or an unknown one added.
 * <p>
 * Not jqwik: since 1.10 its authors ask that it not be used by AI coding agents, and an agent wrote this fuzzing.
 */
public final class MalformedBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Raw JSON texts, written as sent: Jackson would not write several of them itself. */
    private static final List<String> ODD_VALUES = List.of(
            "1e400", "-1e400", "1e-400", "99999999999999999999999999999", "2147483648", "-2147483649",
            "9223372036854775808", "0", "-1", "0.0000001", "1.5", "-0", "true", "false", "null", "[]", "{}", "[null]",
            "[[[[[[[[[[1]]]]]]]]]]", "\"\"", "\" \"", "\"a\\u0000b\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff x\"",
            "\"GURU\"", "\"expert\"", "\"2026-13-45\"", "\"+999999999-12-31\"", "\"-999999999-01-01\"",
            "\"+294277-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"2026-12-07T08:00:00\"", "\"not-a-uuid\"",
            "\"00000000-0000-0000-0000-000000000000\"", "\"Europe/Nowhere\"", "\"%00\"", "\"<script>\"",
            "\"' OR 1=1 --\"", "\"\u00e9\u4e2d\ud83d\ude00\"", "{\"nested\":{\"deeper\":[1,\"x\",null]}}");

    private final String example;
    private final SplittableRandom random;

    public MalformedBodies(String validExample, long seed) {
        this.example = validExample;
        this.random = new SplittableRandom(seed);
    }

    /** The next malformed body, as bytes (some are not UTF-8). */
    public byte[] next() {
        int kind = random.nextInt(20);
        return switch (kind) {
            case 0 -> new byte[0];
            case 1 -> utf8("null");
            case 2 -> utf8(pick(ODD_VALUES));
            case 3 -> utf8(example.substring(0, random.nextInt(Math.max(1, example.length()))));
            case 4 -> randomBytes();
            default -> utf8(mutated(1 + random.nextInt(3)));
        };
    }

    private String mutated(int mutations) {
        JsonNode root = parse(example);
        // odd values go in as stand-ins, replaced by their raw text once the tree is written
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < mutations; i++) {
            List<ContainerNode<?>> containers = new ArrayList<>();
            collectContainers(root, containers);
            ContainerNode<?> target = containers.get(random.nextInt(containers.size()));
            mutate(target, raw);
        }
        String text = root.toString();
        for (int i = 0; i < raw.size(); i++) {
            text = text.replace("\"@@" + i + "@@\"", raw.get(i));
        }
        return text;
    }

    private void mutate(ContainerNode<?> target, List<String> raw) {
        Function<String, JsonNode> standIn = value -> {
            raw.add(value);
            return NODES.textNode("@@" + (raw.size() - 1) + "@@");
        };
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int choice = random.nextInt(10);
            if (names.isEmpty() || choice == 0) {
                object.set("unknown" + random.nextInt(100), standIn.apply(pick(ODD_VALUES)));
            } else if (choice == 1) {
                object.remove(pick(names));
            } else if (choice == 2) {
                object.put(pick(names), "x".repeat(10_000));
            } else {
                object.set(pick(names), standIn.apply(pick(ODD_VALUES)));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextInt(4) == 0) {
                array.add(standIn.apply(pick(ODD_VALUES)));
            } else {
                array.set(random.nextInt(array.size()), standIn.apply(pick(ODD_VALUES)));
            }
        }
    }

    private static void collectContainers(JsonNode node, List<ContainerNode<?>> into) {
        if (node instanceof ContainerNode<?> container) {
            into.add(container);
            node.elements().forEachRemaining(child -> collectContainers(child, into));
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the example body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
