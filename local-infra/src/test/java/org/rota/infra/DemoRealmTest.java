package org.rota.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo realm of ./rota up, compose and the system tests holds what the services' role contract needs. */
class DemoRealmTest {

    private static final List<String> ROLES = List.of("viewer", "scheduler", "credentialing", "admin");
    private static final List<String> SERVICES = List.of("credential-service", "activity-service", "solver-service");

    private final JsonNode realm = read();

    @Test
    void theRealmDefinesTheFourRolesOfTheContract() {
        assertThat(texts(realm.path("roles").path("realm"), "name")).containsExactlyInAnyOrderElementsOf(ROLES);
        assertThat(realm.path("realm").asText()).isEqualTo(DemoRealm.NAME);
    }

    @Test
    void eachDemoUserHoldsTheRoleOfItsNameAndAdminHoldsEveryRole() {
        assertThat(DemoRealm.users()).containsExactlyInAnyOrderElementsOf(ROLES);
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            String name = user.path("username").asText();
            if (!name.equals("admin")) {
                assertThat(texts(user.path("realmRoles"), null)).as(name).containsExactly(name);
            }
            // a user without these would be asked to complete the profile, and the password grant refused
            assertThat(user.path("email").asText()).as(name).isNotBlank();
            assertThat(user.path("firstName").asText()).as(name).isNotBlank();
            assertThat(user.path("lastName").asText()).as(name).isNotBlank();
            assertThat(user.path("credentials").path(0).path("temporary").asBoolean(true)).as(name).isFalse();
            assertThat(DemoRealm.password(name)).isEqualTo(name + "-demo");
        }
        JsonNode admin = user("admin");
        assertThat(texts(admin.path("realmRoles"), null)).containsExactlyInAnyOrderElementsOf(ROLES);
    }

    @Test
    void everyServiceIsAConfidentialClientWithAServiceAccountAndRolesInTheGroupsClaim() {
        for (String service : SERVICES) {
            JsonNode client = client(service);
            assertThat(client.path("publicClient").asBoolean(true)).as(service).isFalse();
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(service).isTrue();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).as(service).isFalse();
            assertThat(DemoRealm.clientSecret(service)).as(service).isNotBlank();
            assertThat(texts(client.path("defaultClientScopes"), null)).as(service).contains("microprofile-jwt");
        }
        assertThat(texts(user("service-account-activity-service").path("realmRoles"), null))
                .containsExactly("viewer");
        assertThat(user("service-account-activity-service").path("serviceAccountClientId").asText())
                .isEqualTo("activity-service");
    }

    @Test
    void theCommandLineClientIsPublicAndTakesPasswordsWithRolesInTheGroupsClaim() {
        JsonNode cli = client(DemoRealm.CLI_CLIENT);
        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(texts(cli.path("defaultClientScopes"), null)).contains("microprofile-jwt", "basic", "profile");
    }

    @Test
    void theWebClientIsConfidentialSignsUsersInByTheCodeFlowAndReturnsToAnyLoopbackPort() {
        JsonNode web = client(DemoRealm.WEB_CLIENT);
        assertThat(web.path("publicClient").asBoolean(true)).isFalse();
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
        // web encrypts its session cookies with the secret: Quarkus wants 32 characters at least
        assertThat(DemoRealm.clientSecret(DemoRealm.WEB_CLIENT)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        // Keycloak accepts any port for a loopback redirect URI registered without one (RFC 8252 §7.3): 8080 for
        // ./rota up, a free port in the system tests
        assertThat(texts(web.path("redirectUris"), null)).contains("http://127.0.0.1/*");
        assertThat(texts(web.path("defaultClientScopes"), null)).contains("microprofile-jwt");
    }

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private JsonNode user(String name) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals(name)) {
                return user;
            }
        }
        throw new AssertionError("no user " + name);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(field == null ? item.asText() : item.path(field).asText()));
        return values;
    }

    private static JsonNode read() {
        try (InputStream in = DemoRealmTest.class.getResourceAsStream("/keycloak/rota-realm.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
