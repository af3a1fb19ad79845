package org.rota.events;

import java.util.Map;

/** Where the JSON Schema of each event type lives on the classpath (beside the AsyncAPI document). */
public final class Contracts {

    public static final String ASYNCAPI = "/contracts/asyncapi.yaml";

    private static final Map<String, String> SCHEMAS = Map.ofEntries(
            Map.entry(EventTypes.CLINICIAN, "clinician.v1"),
            Map.entry(EventTypes.PROCEDURE, "procedure.v1"),
            Map.entry(EventTypes.CREDENTIAL, "credential.v1"),
            Map.entry(EventTypes.CLINICIAN_UPSERT, "clinician-upsert.v1"),
            Map.entry(EventTypes.PROCEDURE_UPSERT, "procedure-upsert.v1"),
            Map.entry(EventTypes.CREDENTIAL_UPSERT, "credential-upsert.v1"),
            Map.entry(EventTypes.ACTIVITY, "activity.v1"),
            Map.entry(EventTypes.ABSENCE, "absence.v1"),
            Map.entry(EventTypes.DAY_PREFERENCE, "preference.v1"),
            Map.entry(EventTypes.ACTIVITY_UPSERT, "activity-upsert.v1"),
            Map.entry(EventTypes.ALLOCATION, "allocation.v1"),
            Map.entry(EventTypes.WINDOW_DIRTY, "window-dirty.v1"),
            Map.entry(EventTypes.CREDENTIAL_EXPIRING, "credential-expiring.v1"),
            Map.entry(EventTypes.CREDENTIAL_EXPIRED, "credential-expired.v1"),
            Map.entry(EventTypes.COVERAGE_CHANGED, "coverage-changed.v1"));

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
