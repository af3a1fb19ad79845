package org.rota.tools.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The services' public REST APIs, as any integrating system would call them, with a user's bearer token. */
public final class RotaClient {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public final String credentials;
    public final String activities;
    public final String solver;
    /** solver-service's health and metrics (its management interface). */
    public final String solverManagement;
    private final TokenSource tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RotaClient(String credentials, String activities, String solver, String solverManagement,
            TokenSource tokens) {
        this.credentials = credentials;
        this.activities = activities;
        this.solver = solver;
        this.solverManagement = solverManagement;
        this.tokens = tokens;
    }

    /** The local run's services, as {@code ROTA_USER} (default admin) of the issuer in {@code ROTA_OIDC_ISSUER}. */
    public static RotaClient local() {
        return new RotaClient(env("ROTA_CREDENTIALS_URL", "http://127.0.0.1:8081"),
                env("ROTA_ACTIVITIES_URL", "http://127.0.0.1:8082"), env("ROTA_SOLVER_URL", "http://127.0.0.1:8083"),
                env("ROTA_SOLVER_MANAGEMENT_URL", "http://127.0.0.1:9083"),
                TokenSource.fromEnvironment(env("ROTA_USER", "admin")));
    }

    /** A response: its status and JSON body (null when empty). */
    public record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public JsonNode require(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " failed with " + status + ": " + body);
            }
            return body;
        }
    }

    public Reply post(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60))
                            .header("Authorization", tokens.authorization()).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
