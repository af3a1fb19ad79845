package org.rota.events;

/**
 * CloudEvents {@code ce_type} values. Change events carry the entity's full new state; inbound
 * {@code *.upsert.v1} messages come from other hospital systems and are keyed by externalId.
 */
public final class EventTypes {

    public static final String CLINICIAN = "rota.clinician.v1";
    public static final String PROCEDURE = "rota.procedure.v1";
    public static final String CREDENTIAL = "rota.credential.v1";
    public static final String ACTIVITY = "rota.activity.v1";
    public static final String ABSENCE = "rota.absence.v1";
    public static final String DAY_PREFERENCE = "rota.preference.v1";
    public static final String ALLOCATION = "rota.allocation.v1";
    public static final String WINDOW_DIRTY = "rota.solver.window-dirty.v1";
    public static final String COVERAGE_CHANGED = "rota.coverage.changed.v1";

    public static final String CLINICIAN_UPSERT = "rota.clinician.upsert.v1";
    public static final String PROCEDURE_UPSERT = "rota.procedure.upsert.v1";
    public static final String CREDENTIAL_UPSERT = "rota.credential.upsert.v1";
    public static final String ACTIVITY_UPSERT = "rota.activity.upsert.v1";

    /** On {@code rota.credentials.alerts.v1}: a credential will expire (once per validUntil and threshold). */
    public static final String CREDENTIAL_EXPIRING = "rota.credential.expiring.v1";
    /** On {@code rota.credentials.alerts.v1}: a credential has expired (once per validUntil). */
    public static final String CREDENTIAL_EXPIRED = "rota.credential.expired.v1";

    /** Kafka record key of a change event: {@code <type>/<id>}, so one topic can carry several entity types. */
    public static String key(String entity, Object id) {
        return entity + "/" + id;
    }

    private EventTypes() {
    }
}
