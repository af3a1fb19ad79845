package org.rota.tools.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An access token from an OIDC provider's token endpoint ({@code <issuer>/protocol/openid-connect/token}, Keycloak's),
 * asked for again shortly before it expires.
 */
public final class OidcToken implements Supplier<String> {

    /** The issuer of {@code ./rota up}'s Keycloak. */
    public static final String LOCAL_ISSUER = "http://127.0.0.1:8180/realms/rota";
    /** The demo realm's public client for the password grant, as {@code ./rota token} uses it. */
    public static final String CLI_CLIENT = "rota-cli";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final Map<String, String> form;
    private String token;
    private Instant renewAt = Instant.MIN;

    private OidcToken(String issuer, Map<String, String> form) {
        this.tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
        this.form = Map.copyOf(form);
    }

    /** The issuer from ROTA_OIDC_ISSUER, else that of {@code ./rota up}. */
    public static String issuer() {
        String issuer = System.getenv("ROTA_OIDC_ISSUER");
        return issuer == null || issuer.isBlank() ? LOCAL_ISSUER : issuer;
    }

    /**
     * A demo user's token (viewer, scheduler, credentialing, admin), with the password from ROTA_&lt;USER&gt;_PASSWORD
     * or else the demo realm's {@code <user>-demo}, as {@code ./rota token USER} does.
     */
    public static OidcToken demoUser(String issuer, String user) {
        String password = System.getenv("ROTA_" + user.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD");
        return password(issuer, CLI_CLIENT, user, password == null || password.isBlank() ? user + "-demo" : password);
    }

    public static OidcToken password(String issuer, String clientId, String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", user);
        form.put("password", password);
        return new OidcToken(issuer, form);
    }

    public static OidcToken clientCredentials(String issuer, String clientId, String secret) {
        return new OidcToken(issuer, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** The current access token, a new one when it would expire within 30 s. */
    @Override
    public synchronized String get() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            JsonNode response = request();
            token = response.path("access_token").asText();
            renewAt = Instant.now().plusSeconds(response.path("expires_in").asLong(60)).minus(RENEW_BEFORE_EXPIRY);
        }
        return token;
    }

    private JsonNode request() {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("No token from " + tokenEndpoint + " (" + form.get("grant_type") + " for "
                        + form.getOrDefault("username", form.get("client_id")) + "): " + response.statusCode() + " "
                        + response.body());
            }
            return RotaClient.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + tokenEndpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
