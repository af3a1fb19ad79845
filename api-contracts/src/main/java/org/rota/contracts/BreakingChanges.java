package org.rota.contracts;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import com.fasterxml.jackson.databind.JsonNode;

/** A change that breaks the clients of the released API must come with a higher {@code info.version}. */
final class BreakingChanges {

    /** @return why the change is refused, if it is */
    static Optional<String> check(JsonNode released, JsonNode current) {
        String releasedVersion = released.path("info").path("version").asText();
        String currentVersion = current.path("info").path("version").asText();
        ChangedOpenApi diff = OpenApiCompare.fromContents(OpenApiDocuments.toYaml(released),
                OpenApiDocuments.toYaml(current));
        if (!diff.isIncompatible() || isHigher(currentVersion, releasedVersion)) {
            return Optional.empty();
        }
        return Optional.of("The API changed in a way that breaks clients of the released version " + releasedVersion
                + " (openapi-diff), but info.version is still " + currentVersion + ". Restore compatibility, or raise"
                + " the version (mp.openapi.extensions.smallrye.info-version) and regenerate. The changes:\n"
                + render(diff));
    }

    /** Dotted numeric versions compared part by part ("1.10.0" > "1.9.2"); a part that is not a number counts 0. */
    static boolean isHigher(String candidate, String than) {
        int[] a = parts(candidate);
        int[] b = parts(than);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return x > y;
            }
        }
        return false;
    }

    private static int[] parts(String version) {
        return Arrays.stream(version.split("[.-]")).mapToInt(part -> {
            try {
                return Integer.parseInt(part);
            } catch (NumberFormatException e) {
                return 0;
            }
        }).toArray();
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // the renderer flushes and closes the writer itself
        new MarkdownRender().render(diff, writer);
        return out.toString(StandardCharsets.UTF_8);
    }

    private BreakingChanges() {
    }
}
