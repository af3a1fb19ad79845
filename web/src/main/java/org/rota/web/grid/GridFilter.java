package org.rota.web.grid;

import java.util.UUID;

/** What the scheduler narrowed the view to: a procedure code, one clinician, or neither (null). */
public record GridFilter(String procedureCode, UUID clinicianId) {

    public static final GridFilter NONE = new GridFilter(null, null);

    public boolean admitsProcedure(String code) {
        return procedureCode == null || procedureCode.equals(code);
    }

    public boolean admitsClinician(UUID id) {
        return clinicianId == null || clinicianId.equals(id);
    }
}
