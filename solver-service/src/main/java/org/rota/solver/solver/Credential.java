package org.rota.solver.solver;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A privilege to perform one procedure. {@code validFrom}/{@code validUntil} are inclusive dates in the problem's zone;
 * {@code maxPerWeek} caps the activities of that procedure the clinician does in one ISO week (counted per clinician
 * and procedure, see {@link HardRules}).
 * <p>
 * {@code statusHistory} says when the status changed: ordered by {@code effectiveFrom}, strictly increasing. Empty means
 * {@code status} holds at every time (the credential never changed). Otherwise the status at a time is that of the last
 * change in effect by then; before the first change the credential is ACTIVE (one granted in another status has a
 * first change at its grant time), and {@code status} — the current status — must equal the last change's.
 */
public record Credential(String clinicianId, String procedureCode, Level level, LocalDate validFrom,
                         LocalDate validUntil, CredentialStatus status, Integer maxPerWeek,
                         List<StatusChange> statusHistory) {

    public Credential {
        Checks.require(clinicianId != null, "credentials[].clinicianId", "is required");
        Checks.require(procedureCode != null, "credentials[].procedureCode", "is required");
        level = level == null ? Level.QUALIFIED : level;
        Checks.require(maxPerWeek == null || maxPerWeek >= 0, "credentials[].maxPerWeek", "must not be negative");
        Checks.require(validFrom == null || validUntil == null || !validUntil.isBefore(validFrom),
                "credentials[].validUntil", "is before validFrom for " + clinicianId + "/" + procedureCode);
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
        for (int i = 1; i < statusHistory.size(); i++) {
            Checks.require(statusHistory.get(i).effectiveFrom().isAfter(statusHistory.get(i - 1).effectiveFrom()),
                    "credentials[].statusHistory", "must be ordered by effectiveFrom, without repeats, for "
                            + clinicianId + "/" + procedureCode);
        }
        CredentialStatus latest = statusHistory.isEmpty() ? null : statusHistory.get(statusHistory.size() - 1).status();
        status = status == null ? (latest == null ? CredentialStatus.ACTIVE : latest) : status;
        Checks.require(latest == null || latest == status, "credentials[].status",
                "must equal the last statusHistory entry for " + clinicianId + "/" + procedureCode);
    }

    public Credential(String clinicianId, String procedureCode, Level level, LocalDate validFrom, LocalDate validUntil,
                      CredentialStatus status, Integer maxPerWeek) {
        this(clinicianId, procedureCode, level, validFrom, validUntil, status, maxPerWeek, List.of());
    }

    /** The status in effect at {@code time}. */
    public CredentialStatus statusAt(Instant time) {
        if (statusHistory.isEmpty()) {
            return status;
        }
        CredentialStatus current = CredentialStatus.ACTIVE;
        for (StatusChange change : statusHistory) {
            if (change.effectiveFrom().isAfter(time)) {
                break;
            }
            current = change.status();
        }
        return current;
    }

    /** True when {@code time} falls on a validity date (in {@code zone}) and the status then is ACTIVE. */
    public boolean validAt(Instant time, ZoneId zone) {
        LocalDate date = time.atZone(zone).toLocalDate();
        return (validFrom == null || !validFrom.isAfter(date))
                && (validUntil == null || !validUntil.isBefore(date))
                && statusAt(time) == CredentialStatus.ACTIVE;
    }

    /**
     * True when this credential alone is valid at every moment of {@code [from, until)}: an activity ending at midnight
     * after the last validity date is covered, one that starts before a suspension takes effect is not if it runs past it.
     */
    public boolean validThroughout(Instant from, Instant until, ZoneId zone) {
        return CredentialCoverage.covers(List.of(this), from, until, zone);
    }
}
