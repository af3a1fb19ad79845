package org.rota.credential.rest;

import java.security.Principal;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.rota.platform.problem.ProblemException;
import org.rota.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who makes a REST change, for the credential history: the token's user name ({@code preferred_username}, else
 * {@code upn}) and its subject, e.g. {@code credentialing [sub 5f0c...]}. An {@code admin} may record a change made on
 * someone's behalf by naming them in {@code X-Rota-Actor} ({@code admin [sub ...] on behalf of office.jones}); from any
 * other token the header is refused with a 400, so that nobody believes a name was recorded that was not.
 */
final class Actor {

    static final String ON_BEHALF_OF = "X-Rota-Actor";

    // the history's actor column holds 200 characters
    private static final int MAX_NAME = 80;
    private static final int MAX_ON_BEHALF_OF = 60;

    static String of(SecurityIdentity identity, String onBehalfOf) {
        String actor = principal(identity);
        if (onBehalfOf == null || onBehalfOf.isBlank()) {
            return actor;
        }
        if (!identity.hasRole(Roles.ADMIN)) {
            throw ProblemException.badRequest(ON_BEHALF_OF,
                    ON_BEHALF_OF + " (a change made on someone's behalf) is accepted only from an admin token");
        }
        return actor + " on behalf of " + truncate(onBehalfOf.strip(), MAX_ON_BEHALF_OF);
    }

    private static String principal(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token) {
            String name = token.<String>claim("preferred_username")
                    .or(() -> token.<String>claim("upn"))
                    .orElse(token.getName());
            String subject = token.getSubject();
            return truncate(name == null ? "unnamed" : name, MAX_NAME)
                    + (subject == null ? "" : " [sub " + truncate(subject, MAX_NAME) + "]");
        }
        return truncate(principal.getName(), MAX_NAME);
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    private Actor() {
    }
}
