package org.rota.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends {@link MalformedBodies} to the write endpoints of a running service and keeps every answer that breaks the
 * rule for bad input: no 5xx, and every 4xx an {@code application/problem+json} body with its status and a title.
 */
public final class RestFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final long seed;
    private final int bodiesPerEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final FuzzTally tally = new FuzzTally();
    private final List<String> violations = new ArrayList<>();

    /** Each run draws a new seed; {@code -Drota.fuzz.seed=N} repeats one. */
    public RestFuzzer(URI base, int bodiesPerEndpoint) {
        this.base = base;
        this.seed = Long.getLong("rota.fuzz.seed", System.nanoTime());
        this.bodiesPerEndpoint = bodiesPerEndpoint;
    }

    public long seed() {
        return seed;
    }

    /** Prints the counts per endpoint with the seed and writes them to {@code target/fuzz-<service>.txt}. */
    public void report(String service) {
        tally.report(service, seed);
    }

    /**
     * @param endpoint how the endpoint is reported, e.g. {@code PUT /clinicians/{id}}
     * @param path the path to send to, with real ids
     */
    public void fuzz(String endpoint, String path, String validExample) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        MalformedBodies bodies = new MalformedBodies(validExample, seed ^ endpoint.hashCode());
        for (int i = 0; i < bodiesPerEndpoint; i++) {
            byte[] body = bodies.next();
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                violations.add(endpoint + ": no answer (" + e + ") to " + shown(body));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            tally.record(endpoint, response.statusCode());
            String problem = problemWith(response);
            if (problem != null) {
                violations.add(endpoint + ": " + problem + " for " + shown(body) + " -> "
                        + abbreviated(response.body()));
            }
        }
    }

    /** Every answer that broke the rule, with the body that caused it; empty when the service held. */
    public List<String> violations() {
        return violations;
    }

    private static String problemWith(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "HTTP " + status;
        }
        if (status < 400) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "HTTP " + status + " with Content-Type '" + type + "'";
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.path("status").asInt() != status || !problem.path("title").isTextual()) {
                return "HTTP " + status + " with a problem body lacking its status or title";
            }
        } catch (IOException e) {
            return "HTTP " + status + " with a body that is not JSON";
        }
        return null;
    }

    private static String shown(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replace("\u0000", "\\u0000");
        return "body '" + abbreviated(text) + "'";
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
