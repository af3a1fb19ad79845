package org.rota.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreakingChangesTest {

    private static final String RELEASED = """
            openapi: 3.0.3
            info: {title: t, version: 1.0.0}
            paths:
              /things:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {type: object, required: [id, name], properties: {id: {type: string}, name: {type: string}}}
              /others:
                get:
                  responses:
                    "200": {description: ok}
            """;

    @Test
    void anAddedPathNeedsNoNewVersion() {
        String added = RELEASED + """
                  /more:
                    get:
                      responses:
                        "200": {description: ok}
                """;
        assertThat(BreakingChanges.check(parse(RELEASED), parse(added))).isEmpty();
    }

    @Test
    void aRemovedPathOrResponseFieldBreaksClientsUnlessTheVersionIsRaised() {
        String removedPath = RELEASED.substring(0, RELEASED.indexOf("  /others:"));
        assertThat(BreakingChanges.check(parse(RELEASED), parse(removedPath))).get().asString()
                .contains("1.0.0").contains("/others");
        // openapi-diff counts a response field as promised only when it is required
        String removedField = RELEASED.replace(", name: {type: string}", "").replace("[id, name]", "[id]");
        assertThat(BreakingChanges.check(parse(RELEASED), parse(removedField))).isPresent();

        assertThat(BreakingChanges.check(parse(RELEASED), parse(removedPath.replace("1.0.0", "2.0.0")))).isEmpty();
    }

    @Test
    void versionsCompareByNumberPartByPart() {
        assertThat(BreakingChanges.isHigher("1.10.0", "1.9.2")).isTrue();
        assertThat(BreakingChanges.isHigher("2.0", "1.9.9")).isTrue();
        assertThat(BreakingChanges.isHigher("1.0.0", "1.0.0")).isFalse();
        assertThat(BreakingChanges.isHigher("0.9", "1.0")).isFalse();
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String yaml) {
        return OpenApiDocuments.parse(yaml);
    }
}
