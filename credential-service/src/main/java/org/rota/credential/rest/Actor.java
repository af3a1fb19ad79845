package org.rota.credential.rest;

/**
 * Who is making a REST change, for the credential history. Until authentication exists the caller may name itself in
 * {@code X-Rota-Actor}; the authenticated principal will take this place.
 */
final class Actor {

    static final String HEADER = "X-Rota-Actor";

    static String of(String header) {
        if (header == null || header.isBlank()) {
            return "rest:anonymous";
        }
        String name = header.strip();
        return "rest:" + (name.length() > 150 ? name.substring(0, 150) : name);
    }

    private Actor() {
    }
}
