package org.rota.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.rota.infra.DemoRealm;
import org.rota.infra.LocalKeycloak;
import org.rota.tools.client.OidcToken;
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
    String userToken(String clientId, String user) {
        return OidcToken.password(keycloak.issuer(), clientId, user, DemoRealm.password(user)).get();
    }

    private String adminToken() {
        return OidcToken.password(base + "/realms/master", "admin-cli", LocalKeycloak.ADMIN_USER,
                keycloak.adminPassword()).get();
    }
}
