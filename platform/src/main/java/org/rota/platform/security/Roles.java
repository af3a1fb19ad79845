package org.rota.platform.security;

/**
 * The roles of every Rota service, read from the token's {@code groups} claim. Each endpoint names the roles it allows
 * with {@code @RolesAllowed}, built from these:
 * <ul>
 * <li>{@link #VIEWER} reads everything; every other role reads too ({@code @RolesAllowed} on each resource class);</li>
 * <li>{@link #SCHEDULER} writes activities, absences, preferences, bulk imports, pins, solves and what-if runs;</li>
 * <li>{@link #CREDENTIALING} writes clinicians, procedures and credentials;</li>
 * <li>{@link #ADMIN} holds every permission, including operations such as {@code POST /read-model/rebuild}.</li>
 * </ul>
 * A token with none of them is authenticated but may do nothing (403).
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String SCHEDULER = "scheduler";
    public static final String CREDENTIALING = "credentialing";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
