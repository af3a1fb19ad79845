package org.rota.web.rest;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user as the pages show them, and what they may do (what they may not is not offered). */
public record Viewer(String name, boolean canPin) {

    static Viewer of(SecurityIdentity identity) {
        return new Viewer(identity.getPrincipal().getName(),
                identity.hasRole("scheduler") || identity.hasRole("admin"));
    }
}
