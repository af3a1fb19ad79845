package org.rota.solver.solver;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * Whether a set of credentials together keeps a clinician qualified over a whole interval: a renewal that starts the
 * day after the old credential's last date covers an overnight activity across that date.
 */
final class CredentialCoverage {

    private CredentialCoverage() {
    }

    /** True when every moment of {@code [from, until)} falls in the validity (dates and ACTIVE status) of some credential. */
    static boolean covers(List<Credential> credentials, Instant from, Instant until, ZoneId zone) {
        if (credentials.isEmpty()) {
            return false;
        }
        // Validity only changes at midnights that start or end a validity range, and at status changes; checking the
        // start of every piece between such moments checks every moment.
        TreeSet<Instant> pieceStarts = new TreeSet<>();
        pieceStarts.add(from);
        for (Credential credential : credentials) {
            if (credential.validFrom() != null) {
                addInside(pieceStarts, credential.validFrom().atStartOfDay(zone).toInstant(), from, until);
            }
            if (credential.validUntil() != null) {
                addInside(pieceStarts, credential.validUntil().plusDays(1).atStartOfDay(zone).toInstant(), from, until);
            }
            for (StatusChange change : credential.statusHistory()) {
                addInside(pieceStarts, change.effectiveFrom(), from, until);
            }
        }
        for (Instant start : pieceStarts) {
            if (credentials.stream().noneMatch(credential -> credential.validAt(start, zone))) {
                return false;
            }
        }
        return true;
    }

    private static void addInside(TreeSet<Instant> set, Instant time, Instant from, Instant until) {
        if (time.isAfter(from) && time.isBefore(until)) {
            set.add(time);
        }
    }
}
