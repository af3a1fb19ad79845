package org.rota.tools.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The services' public REST APIs, as any integrating system would call them: with a bearer token per service when
 * signed in ({@link #signedIn}), without one otherwise.
 */
public final class RotaClient {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public final String credentials;
    public final String activities;
    public final String solver;
    /** solver-service's health and metrics (its management interface, no token). */
    public final String solverManagement;
    private final HttpClient http;
    private final Supplier<String> credentialsToken;
    private final Supplier<String> activitiesToken;
    private final Supplier<String> solverToken;

    public RotaClient(String credentials, String activities, String solver) {
        this(credentials, activities, solver, null);
    }

    public RotaClient(String credentials, String activities, String solver, String solverManagement) {
        this(credentials, activities, solver, solverManagement, null, null, null,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    private RotaClient(String credentials, String activities, String solver, String solverManagement,
            Supplier<String> credentialsToken, Supplier<String> activitiesToken, Supplier<String> solverToken,
            HttpClient http) {
        this.credentials = credentials;
        this.activities = activities;
        this.solver = solver;
        this.solverManagement = solverManagement;
        this.credentialsToken = credentialsToken;
        this.activitiesToken = activitiesToken;
        this.solverToken = solverToken;
        this.http = http;
    }

    /**
     * The services of {@code ./rota up} (or ROTA_CREDENTIALS_URL, ROTA_ACTIVITIES_URL, ROTA_SOLVER_URL and
     * ROTA_SOLVER_MANAGEMENT_URL), signed in as
     * the demo users whose work each service does: {@code credentialing} at credential-service, {@code scheduler} at
     * activity-service and solver-service (tokens from ROTA_OIDC_ISSUER, else {@code ./rota up}'s Keycloak).
     */
    public static RotaClient local() {
        String issuer = OidcToken.issuer();
        OidcToken scheduler = OidcToken.demoUser(issuer, "scheduler");
        return new RotaClient(env("ROTA_CREDENTIALS_URL", "http://127.0.0.1:8081"),
                env("ROTA_ACTIVITIES_URL", "http://127.0.0.1:8082"), env("ROTA_SOLVER_URL", "http://127.0.0.1:8083"),
                env("ROTA_SOLVER_MANAGEMENT_URL", "http://127.0.0.1:9083"))
                .signedIn(OidcToken.demoUser(issuer, "credentialing"), scheduler, scheduler);
    }

    /** The same services, each called with a bearer token of its own (null: none). */
    public RotaClient signedIn(Supplier<String> credentialsToken, Supplier<String> activitiesToken,
            Supplier<String> solverToken) {
        return new RotaClient(credentials, activities, solver, solverManagement, credentialsToken, activitiesToken,
                solverToken, http);
    }

    /** The same services, all called with this bearer token. */
    public RotaClient as(Supplier<String> token) {
        return signedIn(token, token, token);
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

    public Reply put(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        Supplier<String> token = tokenFor(request.build().uri().toString());
        if (token != null) {
            request.header("Authorization", "Bearer " + token.get());
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
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

    private Supplier<String> tokenFor(String url) {
        if (credentials != null && url.startsWith(credentials)) {
            return credentialsToken;
        }
        if (activities != null && url.startsWith(activities)) {
            return activitiesToken;
        }
        if (solver != null && url.startsWith(solver)) {
            return solverToken;
        }
        return null;
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
