package org.rota.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what, over every endpoint of a service: a subclass ({@code @QuarkusTest}) lists the endpoints, each with
 * the roles allowed and the status a request that passes gets, and inherits the checks. Without a valid token every
 * endpoint answers 401, with a role not listed 403 (both with a problem body), and with each listed role the request
 * runs. Users are the OIDC dev service's, one named after each role
 * ({@code quarkus.oidc.devservices.roles.<role>=<role>}) and {@link #NO_ROTA_ROLE}, who is authenticated but holds
 * none of Rota's roles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AccessControlMatrix {

    public static final String NO_ROTA_ROLE = "nobody";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One operation of the API.
     *
     * @param body a fresh JSON body for each request (null when the operation takes none)
     * @param allowed the roles that may call it
     * @param status what a request with an allowed role gets: the request ran (201, 200, or 404 for an id that does
     *        not exist, 422 for a reference that does not)
     */
    public record Endpoint(String method, String path, Supplier<String> body, Set<String> allowed, int status) {

        @Override
        public String toString() {
            return method + " " + path + " " + allowed;
        }
    }

    /** Every endpoint of the service, and who may call it. */
    protected abstract Stream<Endpoint> endpoints();

    /** Every role the services know, each the name of a dev-service user holding only it. */
    protected abstract List<String> roles();

    /** The application port's base URL (an injected {@code @TestHTTPResource("/")}). */
    protected abstract URI api();

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutAValidTokenEveryEndpointIs401(Endpoint endpoint) {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("garbage", "Bearer not-a-jwt");
        refused.put("another issuer", "Bearer " + DevServiceTokens.signedByAnotherKey(
                "https://login.other-hospital.example/realms/rota", "admin", roles()));
        refused.put("forged for this issuer", "Bearer " + DevServiceTokens.signedByAnotherKey(
                DevServiceTokens.issuer(), "admin", roles()));
        refused.forEach((kind, authorization) -> {
            HttpResponse<String> response = send(endpoint, authorization);
            assertThat(response.statusCode()).as(kind + ": " + endpoint).isEqualTo(401);
            assertProblem(response, 401, kind + ": " + endpoint);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(kind).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aRoleThatIsNotAllowedIs403(Endpoint endpoint) {
        for (String user : users()) {
            if (!endpoint.allowed().contains(user)) {
                HttpResponse<String> response = send(endpoint, bearer(user));
                assertThat(response.statusCode()).as(user + ": " + endpoint).isEqualTo(403);
                assertProblem(response, 403, user + ": " + endpoint);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyAllowedRoleGetsTheRequestRun(Endpoint endpoint) {
        for (String role : endpoint.allowed()) {
            HttpResponse<String> response = send(endpoint, bearer(role));
            assertThat(response.statusCode()).as(role + ": " + endpoint + " " + response.body())
                    .isEqualTo(endpoint.status());
        }
    }

    /** Reads are open to every role; writes to the role named and admin. */
    protected Endpoint read(String path, int status) {
        return new Endpoint("GET", path, null, Set.copyOf(roles()), status);
    }

    protected Endpoint write(String method, String path, Supplier<String> body, int status, String... allowed) {
        return new Endpoint(method, path, body, Set.of(allowed), status);
    }

    /** The request as the user, through the application port. */
    protected HttpResponse<String> send(Endpoint endpoint, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api().resolve(endpoint.path().substring(1)))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        String body = endpoint.body() == null ? null : endpoint.body().get();
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.method(endpoint.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(endpoint + " interrupted", e);
        }
    }

    protected static String bearer(String user) {
        return "Bearer " + DevServiceTokens.forUser(user);
    }

    private List<String> users() {
        List<String> users = new ArrayList<>(roles());
        users.add(NO_ROTA_ROLE);
        return users;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String what) {
        assertThat(response.headers().firstValue("Content-Type")).as(what + " content type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).as(what + " body").contains("\"status\":" + status).contains("\"title\"")
                .contains("\"detail\"");
    }
}
