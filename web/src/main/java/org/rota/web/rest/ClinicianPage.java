package org.rota.web.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.rota.events.ClinicianEvent;

/** A clinician's page: their lists of the coming weeks, their credentials with expiry, their absences. */
public record ClinicianPage(ClinicianEvent clinician, LocalDate from, LocalDate to, List<Line> lines,
        List<CredentialLine> credentials, List<AbsenceLine> absences, Viewer viewer) {

    public record Line(UUID activityId, String department, String day, String time, String title,
            String procedureCode, String seat, String level) {
    }

    /** {@code expiresInDays}: null without an end date; negative once it has passed. */
    public record CredentialLine(String procedureCode, String level, String status, LocalDate validFrom,
            LocalDate validUntil, Long expiresInDays) {

        public boolean expiringSoon() {
            return expiresInDays != null && expiresInDays >= 0 && expiresInDays <= 90;
        }
    }

    public record AbsenceLine(String from, String until, String reason) {
    }

    public String departments() {
        return String.join(", ", clinician.departments());
    }
}
