package org.rota.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;

class RestClientConformanceTest {

    private static final String SERVER = """
            openapi: 3.1.0
            info: {title: t, version: 1.0.0}
            paths:
              /things/{id}:
                get:
                  parameters:
                  - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
                  - {name: depth, in: query, schema: {type: integer}}
                  responses:
                    "200":
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Thing"}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    id: {type: string, format: uuid}
                    name: {type: string}
                    kind: {type: string, enum: [BIG, SMALL]}
                    tags: {type: array, items: {type: string}}
                    seenAt: {type: string, format: date-time}
                    extra: {type: string}
            """;

    enum Kind { BIG, SMALL }

    record Thing(UUID id, String name, Kind kind, List<String> tags, Instant seenAt) {
    }

    interface FittingClient {
        @GET
        @Path("/things/{id}")
        Thing thing(@PathParam("id") UUID id, @QueryParam("depth") Integer depth);
    }

    record RenamedField(UUID id, String title) {
    }

    interface ClientOfARenamedField {
        @GET
        @Path("/things/{id}")
        RenamedField thing(@PathParam("id") UUID id);
    }

    record Retyped(UUID id, long name) {
    }

    interface ClientOfARetypedField {
        @GET
        @Path("/things/{id}")
        Retyped thing(@PathParam("id") UUID id);
    }

    interface ClientOfAnUnknownPathAndParameter {
        @GET
        @Path("/others/{id}")
        Thing other(@PathParam("id") UUID id);

        @GET
        @Path("/things/{id}")
        Thing thing(@PathParam("id") UUID id, @QueryParam("colour") String colour);
    }

    enum NarrowKind { BIG }

    record NarrowThing(NarrowKind kind) {
    }

    interface ClientOfFewerEnumValues {
        @GET
        @Path("/things/{id}")
        NarrowThing thing(@PathParam("id") UUID id);
    }

    @Test
    void aClientThatReadsASubsetOfTheServersFieldsFits() {
        assertThat(check(FittingClient.class)).isEmpty();
    }

    @Test
    void aFieldTheServerDoesNotSendIsReported() {
        assertThat(check(ClientOfARenamedField.class)).singleElement().asString()
                .contains("field 'title'").contains("not in the server's schema");
    }

    @Test
    void aFieldOfAnotherTypeIsReported() {
        assertThat(check(ClientOfARetypedField.class)).singleElement().asString()
                .contains(".name").contains("integer").contains("string");
    }

    @Test
    void anUnknownPathOrParameterIsReported() {
        assertThat(check(ClientOfAnUnknownPathAndParameter.class))
                .anySatisfy(problem -> assertThat(problem).contains("no path /others/{id}"))
                .anySatisfy(problem -> assertThat(problem).contains("no query parameter 'colour'"))
                .hasSize(2);
    }

    @Test
    void anEnumValueTheClientDoesNotKnowIsReported() {
        assertThat(check(ClientOfFewerEnumValues.class)).singleElement().asString().contains("SMALL");
    }

    private static List<String> check(Class<?> client) {
        return RestClientConformance.check(client, OpenApiDocuments.parse(SERVER));
    }
}
