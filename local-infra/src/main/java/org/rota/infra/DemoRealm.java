package org.rota.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo realm {@code rota} of {@code keycloak/rota-realm.json}, as the system tests need it: its demo users and
 * their passwords, and the services' client secrets. Read from the realm file, so that the file is the only place
 * these demo values are written down.
 */
public final class DemoRealm {

    public static final String NAME = "rota";
    /** The public client of {@code ./rota token} (password grant). */
    public static final String CLI_CLIENT = "rota-cli";
    /** The confidential client of the web screens (OIDC code flow). */
    public static final String WEB_CLIENT = "web";

    private static final JsonNode REALM = read();

    /** The demo users' names: viewer, scheduler, credentialing, admin. */
    public static List<String> users() {
        List<String> users = new ArrayList<>();
        for (JsonNode user : REALM.path("users")) {
            if (!user.has("serviceAccountClientId")) {
                users.add(user.path("username").asText());
            }
        }
        return users;
    }

    public static String password(String user) {
        for (JsonNode candidate : REALM.path("users")) {
            if (candidate.path("username").asText().equals(user)) {
                return candidate.path("credentials").path(0).path("value").asText();
            }
        }
        throw new IllegalArgumentException("No demo user " + user + " in the realm");
    }

    /** A confidential client's secret, e.g. {@code activity-service}'s for its service-account token. */
    public static String clientSecret(String clientId) {
        for (JsonNode client : REALM.path("clients")) {
            if (client.path("clientId").asText().equals(clientId) && client.hasNonNull("secret")) {
                return client.path("secret").asText();
            }
        }
        throw new IllegalArgumentException("No confidential client " + clientId + " in the realm");
    }

    private static JsonNode read() {
        try (InputStream realm = DemoRealm.class.getResourceAsStream(LocalKeycloak.REALM_RESOURCE)) {
            return new ObjectMapper().readTree(realm);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LocalKeycloak.REALM_RESOURCE, e);
        }
    }

    private DemoRealm() {
    }
}
