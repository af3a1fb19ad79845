package org.rota.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class VerifiedTokensTest {

    private final VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, new SimpleMeterRegistry());
    private final VerifiedTokens.Recorder recorder = new VerifiedTokens.Recorder(tokens);

    @Test
    void aTokenNotSeenBeforeIsLeftToTheOidcExtension() {
        assertThat(answer("never-verified")).isNull();
    }

    @Test
    void aTokenTheOidcExtensionAcceptedIsAnsweredWithTheSameIdentity() {
        SecurityIdentity accepted = identity("token-a", "scheduler", Instant.now().plusSeconds(300));
        recorder.augment(accepted, null).await().indefinitely();

        SecurityIdentity answered = answer("token-a");

        assertThat(answered).isNotNull();
        assertThat(answered.getPrincipal().getName()).isEqualTo("scheduler");
        assertThat(answered.getRoles()).containsExactly("scheduler");
        assertThat(answer("token-b")).as("another token").isNull();
    }

    @Test
    void anExpiredTokenIsNotAnsweredThoughItWasAcceptedWhileValid() {
        recorder.augment(identity("token-lapsed", "viewer", Instant.now().minusSeconds(1)), null).await().indefinitely();

        assertThat(answer("token-lapsed")).isNull();
    }

    @Test
    void noEntryOutlivesTheMaximumAge() throws InterruptedException {
        VerifiedTokens shortLived = new VerifiedTokens(Duration.ofMillis(50), 100, new SimpleMeterRegistry());
        new VerifiedTokens.Recorder(shortLived)
                .augment(identity("token-c", "viewer", Instant.now().plusSeconds(300)), null).await().indefinitely();
        Thread.sleep(200);

        assertThat(shortLived.authenticate(new TokenAuthenticationRequest(new AccessTokenCredential("token-c")), null)
                .await().indefinitely()).isNull();
    }

    @Test
    void onlyBearerAccessTokensAreAnswered() {
        recorder.augment(identity("token-d", "viewer", Instant.now().plusSeconds(300)), null).await().indefinitely();

        assertThat(tokens.authenticate(new TokenAuthenticationRequest(new IdTokenCredential("token-d")), null)
                .await().indefinitely()).isNull();
    }

    private SecurityIdentity answer(String token) {
        return tokens.authenticate(new TokenAuthenticationRequest(new AccessTokenCredential(token)), null)
                .await().indefinitely();
    }

    private static SecurityIdentity identity(String token, String user, Instant expires) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt(user, expires.getEpochSecond()))
                .addRole(user)
                .addCredential(new AccessTokenCredential(token))
                .build();
    }

    private record Jwt(String getName, long getExpirationTime) implements JsonWebToken {

        @Override
        public Set<String> getClaimNames() {
            return Set.of("preferred_username", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return switch (claimName) {
                case "preferred_username" -> (T) getName;
                case "exp" -> (T) Long.valueOf(getExpirationTime);
                default -> null;
            };
        }
    }
}
