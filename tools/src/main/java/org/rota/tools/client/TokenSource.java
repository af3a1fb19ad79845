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
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bearer tokens for calling the services as a user: the OAuth 2 password grant at the token endpoint the issuer
 * publishes ({@code <issuer>/.well-known/openid-configuration}), so any OIDC issuer that allows it will do. A token
 * is reused until shortly before it expires, then fetched again.
 */
public final class TokenSource {

    /** The demo realm of {@code ./rota up}. */
    public static final String LOCAL_ISSUER = "http://127.0.0.1:8180/realms/rota";
    /** The demo realm's public client for people's tokens ({@code ./rota token}). */
    public static final String LOCAL_CLIENT = "rota-cli";

    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final URI issuer;
    private final String clientId;
    private final String user;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private URI tokenEndpoint;
    private String token;
    private Instant expires = Instant.MIN;

    public TokenSource(URI issuer, String clientId, String user, String password) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.user = user;
        this.password = password;
    }

    /**
     * The user's tokens from the issuer in {@code ROTA_OIDC_ISSUER} (default: the local demo realm), client
     * {@code ROTA_OIDC_CLIENT_ID} (default {@value #LOCAL_CLIENT}), password {@code ROTA_OIDC_PASSWORD} (default: the
     * demo realm's, {@code <user>-demo}).
     */
    public static TokenSource fromEnvironment(String user) {
        return new TokenSource(URI.create(env("ROTA_OIDC_ISSUER", LOCAL_ISSUER)), env("ROTA_OIDC_CLIENT_ID", LOCAL_CLIENT),
                user, env("ROTA_OIDC_PASSWORD", user + "-demo"));
    }

    /** A valid access token (fetched when the last one is about to expire). */
    public synchronized String token() {
        if (token == null || Instant.now().plus(MARGIN).isAfter(expires)) {
            if (tokenEndpoint == null) {
                tokenEndpoint = URI.create(get(URI.create(issuer + "/.well-known/openid-configuration"))
                        .path("token_endpoint").asText());
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "password");
            form.put("client_id", clientId);
            form.put("username", user);
            form.put("password", password);
            form.put("scope", "openid");
            JsonNode reply = send(HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&")))));
            token = reply.path("access_token").asText();
            expires = Instant.now().plusSeconds(reply.path("expires_in").asLong(60));
        }
        return token;
    }

    /** The value of an {@code Authorization} header. */
    public String authorization() {
        return "Bearer " + token();
    }

    private JsonNode get(URI url) {
        return send(HttpRequest.newBuilder(url).GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // the body of a refused grant names the reason (invalid_grant, unauthorized_client), never the password
                throw new IllegalStateException(built.uri() + " answered " + response.statusCode() + " for user "
                        + user + ": " + response.body());
            }
            return RotaClient.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the OIDC issuer at " + built.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
