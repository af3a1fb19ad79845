package org.rota.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service's OpenAPI document as committed in the repository ({@code src/main/openapi/openapi.yaml} of the
 * module) and the document of its last released version beside it ({@code openapi-released.yaml}).
 * <p>
 * The served document must equal the committed one, so that a change of the API shows in review and reaches the
 * clients' checks. {@value #UPDATE_PROPERTY}{@code =true} writes the served document instead (the one command that
 * regenerates: see {@link #REGENERATE}); adding {@value #RELEASE_PROPERTY}{@code =true} also makes it the released
 * document, which is what a release does.
 */
public final class CommittedOpenApi {

    public static final String UPDATE_PROPERTY = "rota.openapi.update";
    /** With {@link #UPDATE_PROPERTY}: the served document also becomes the released one (on a release). */
    public static final String RELEASE_PROPERTY = "rota.openapi.release";
    public static final String REGENERATE = "./mvnw -pl credential-service,activity-service,solver-service -am verify "
            + "-Dtest=OpenApiContractTests "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";
    private static final int SHOWN_DIFFERENCES = 40;

    private final Path committed;
    private final Path released;

    private CommittedOpenApi(Path directory) {
        this.committed = directory.resolve("openapi.yaml");
        this.released = directory.resolve("openapi-released.yaml");
    }

    /** The documents of the module the tests run in (surefire's working directory). */
    public static CommittedOpenApi ofThisModule() {
        return new CommittedOpenApi(Path.of("src", "main", "openapi").toAbsolutePath());
    }

    public static CommittedOpenApi in(Path directory) {
        return new CommittedOpenApi(directory);
    }

    public Path committed() {
        return committed;
    }

    public Path released() {
        return released;
    }

    public JsonNode read() {
        return OpenApiDocuments.read(committed);
    }

    /**
     * Fails with the differences unless the served document is the committed one; in update mode writes it (and,
     * for a service that has none yet, takes it as the released one).
     */
    public void assertServedIsCommitted(String servedDocument) {
        JsonNode served = OpenApiDocuments.parse(servedDocument);
        if (updating()) {
            OpenApiDocuments.write(served, committed);
            takeAsReleasedIfNone(served);
            return;
        }
        if (!Files.exists(committed)) {
            throw new AssertionError("No committed OpenAPI document at " + committed + "; create it with\n  "
                    + REGENERATE);
        }
        List<String> differences = OpenApiDocuments.differences(read(), served);
        if (!differences.isEmpty()) {
            StringBuilder message = new StringBuilder("The served OpenAPI document differs from ").append(committed)
                    .append(" in ").append(differences.size()).append(" place(s):\n");
            differences.stream().limit(SHOWN_DIFFERENCES).forEach(d -> message.append("  ").append(d).append('\n'));
            if (differences.size() > SHOWN_DIFFERENCES) {
                message.append("  …\n");
            }
            message.append("If the change is intended, regenerate the committed document and review its diff:\n  ")
                    .append(REGENERATE);
            throw new AssertionError(message.toString());
        }
    }

    private static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /** A service without a released document yet starts from the one it serves; so does a release. */
    private void takeAsReleasedIfNone(JsonNode served) {
        if (!Files.exists(released) || Boolean.getBoolean(RELEASE_PROPERTY)) {
            OpenApiDocuments.write(served, released);
        }
    }

    /**
     * Fails when the served document breaks a client of the last released version (as openapi-diff judges it)
     * while its {@code info.version} is not higher than the released one's.
     */
    public void assertNoBreakingChangeWithoutNewVersion(String servedDocument) {
        if (updating()) {
            takeAsReleasedIfNone(OpenApiDocuments.parse(servedDocument));
        }
        if (!Files.exists(released)) {
            throw new AssertionError("No released OpenAPI document at " + released + "; create it with\n  "
                    + REGENERATE);
        }
        BreakingChanges.check(OpenApiDocuments.read(released), OpenApiDocuments.parse(servedDocument))
                .ifPresent(failure -> {
                    throw new AssertionError(failure);
                });
    }
}
