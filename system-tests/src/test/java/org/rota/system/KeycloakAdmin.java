package org.rota.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rota.infra.DemoRealm;
import org.rota.infra.LocalKeycloak;
import org.rota.tools.client.RotaClient;

/**
 * The demo realm changed at run time through Keycloak's admin API, as the master realm's administrator: for a test
 * that needs what the realm as committed does not offer (a token that lapses within seconds).
 */
final class KeycloakAdmin {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalKeycloak keycloak;
    private final String base;

    KeycloakAdmin(LocalKeycloak keycloak) {
        this.keycloak = keycloak;
        this.base = "http://127.0.0.1:" + keycloak.port();
    }

    /**
     * A public client of the demo realm for the password grant, with the demo clients' scopes (so its tokens carry
     * the {@code groups} the services read roles from), whose access tokens expire after the given time.
     */
    void createPasswordClient(String clientId, Duration accessTokenLifespan) throws IOException, InterruptedException {
        String client = RotaClient.JSON.writeValueAsString(Map.of(
                "clientId", clientId,
                "publicClient", true,
                "standardFlowEnabled", false,
                "directAccessGrantsEnabled", true,
                "defaultClientScopes", List.of("basic", "profile", "roles", "microprofile-jwt"),
                "attributes", Map.of("access.token.lifespan", Long.toString(accessTokenLifespan.toSeconds()))));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/admin/realms/" + DemoRealm.NAME + "/clients"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the client: " + created.statusCode() + " "
                    + created.body());
        }
    }

    /** A demo user's access token from the given client of the demo realm. */
    String userToken(String clientId, String user) throws IOException, InterruptedException {
        return token(keycloak.tokenEndpoint(), Map.of("grant_type", "password", "client_id", clientId,
                "username", user, "password", DemoRealm.password(user)));
    }

    private String adminToken() throws IOException, InterruptedException {
        return token(base + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", LocalKeycloak.ADMIN_USER,
                "password", keycloak.adminPassword()));
    }

    private String token(String endpoint, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token from " + endpoint + ": " + response.statusCode() + " "
                    + response.body());
        }
        return RotaClient.JSON.readTree(response.body()).path("access_token").asText();
    }
}
