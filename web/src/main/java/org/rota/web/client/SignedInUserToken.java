package org.rota.web.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Calls a service with the signed-in user's own access token (from the code flow), so that each service's role
 * checks hold in the browser as they do for curl. Written here because Maven Central does not serve the parent POM
 * of {@code quarkus-rest-client-oidc-token-propagation} 3.33.2. Without a signed-in user nothing is added and the
 * service answers 401.
 */
@ApplicationScoped
public class SignedInUserToken implements ClientRequestFilter {

    private final CurrentIdentityAssociation identities;

    SignedInUserToken(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @Override
    public void filter(ClientRequestContext request) {
        SecurityIdentity identity = identities.getIdentity();
        AccessTokenCredential token = identity == null ? null : identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
