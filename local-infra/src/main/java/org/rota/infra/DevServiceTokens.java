package org.rota.infra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bearer tokens for a service's {@code @QuarkusTest}s, from the OIDC dev service that Quarkus starts in the test JVM
 * (password grant as the service's client). A user's roles are {@code quarkus.oidc.devservices.roles.<user>}; a user
 * not listed there gets the dev service's default role {@code user}, which no Rota endpoint allows.
 */
public final class DevServiceTokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    // refreshed well before they expire, so a long test never sends a token that lapses in flight
    private static final Duration MARGIN = Duration.ofSeconds(60);
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();
    private static volatile KeyPair unpublishedKeys;

    private record Token(String value, Instant expires) {
    }

    /** An access token for the user (cached while it stays valid). */
    public static String forUser(String user) {
        return CACHE.compute(user, (name, cached) ->
                cached != null && Instant.now().plus(MARGIN).isBefore(cached.expires()) ? cached : fetch(name)).value();
    }

    /** The issuer the service under test trusts (the dev service's base URL). */
    public static String issuer() {
        return config().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /**
     * A well-formed, unexpired token naming the given issuer and roles but signed by a key of its own, which no issuer
     * the service trusts has published: what a token from another identity provider, or a forged one, looks like.
     */
    public static String signedByAnotherKey(String issuer, String user, List<String> roles) {
        try {
            KeyPair keys = unpublishedKeys();
            long now = Instant.now().getEpochSecond();
            String header = JSON.writeValueAsString(Map.of("alg", "RS256", "typ", "JWT", "kid", "not-published"));
            String claims = JSON.writeValueAsString(Map.of("iss", issuer, "sub", user, "upn", user,
                    "preferred_username", user, "groups", roles, "iat", now, "exp", now + 300));
            String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + base64Url(claims.getBytes(StandardCharsets.UTF_8));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rs256.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    private static KeyPair unpublishedKeys() throws GeneralSecurityException {
        if (unpublishedKeys == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            unpublishedKeys = generator.generateKeyPair();
        }
        return unpublishedKeys;
    }

    private static Token fetch(String user) {
        Config config = config();
        String form = Map.of("grant_type", "password", "username", user, "password", user,
                        "client_id", config.getValue("quarkus.oidc.client-id", String.class),
                        "client_secret", config.getValue("quarkus.oidc.credentials.secret", String.class))
                .entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The OIDC dev service refused a token for " + user + ": "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return new Token(body.path("access_token").asText(),
                    Instant.now().plusSeconds(body.path("expires_in").asLong(300)));
        } catch (IOException e) {
            throw new IllegalStateException("The OIDC dev service did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching a token", e);
        }
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private DevServiceTokens() {
    }
}
