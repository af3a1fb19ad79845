package org.rota.events;

import java.util.Map;

/** Where the JSON Schema of each event type lives on the classpath (beside the AsyncAPI document). */
public final class Contracts {

    public static final String ASYNCAPI = "/contracts/asyncapi.yaml";

    private static final Map<String, String> SCHEMAS = Map.of(
            EventTypes.CLINICIAN, "clinician.v1",
            EventTypes.PROCEDURE, "procedure.v1",
            EventTypes.CREDENTIAL, "credential.v1",
            EventTypes.CLINICIAN_UPSERT, "clinician-upsert.v1",
            EventTypes.PROCEDURE_UPSERT, "procedure-upsert.v1",
            EventTypes.CREDENTIAL_UPSERT, "credential-upsert.v1",
            EventTypes.ALLOCATION, "allocation.v1");

    /** The classpath resource of the schema for {@code ceType}. */
    public static String schemaFor(String ceType) {
        String name = SCHEMAS.get(ceType);
        if (name == null) {
            throw new IllegalArgumentException("No schema for event type " + ceType);
        }
        return "/contracts/schemas/" + name + ".schema.json";
    }

    private Contracts() {
    }
}
