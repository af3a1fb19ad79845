package org.rota.solver.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.rota.events.CredentialStatusChange;
import org.rota.solver.domain.KnownStatusStep;
import org.rota.solver.solver.CredentialStatus;
import org.rota.solver.solver.StatusChange;

/**
 * A credential's status history as the contract carries it ↔ the solver's. The contract's first step (the status
 * granted) has no effective time and later steps may share one (the later wins); the solver's changes are strictly
 * increasing and a credential is ACTIVE before the first. So a first step ACTIVE is implied, one in another status
 * holds from the beginning of time, and of steps with the same effective time only the last is kept.
 */
public final class CredentialStatusMapper {

    public static List<StatusChange> toSolver(List<CredentialStatusChange> history) {
        List<StatusChange> changes = new ArrayList<>();
        if (history == null) {
            return changes;
        }
        for (CredentialStatusChange step : history) {
            CredentialStatus status = step.status() == null ? null : CredentialStatus.valueOf(step.status().name());
            if (step.effectiveFrom() == null && changes.isEmpty() && status == CredentialStatus.ACTIVE) {
                continue;
            }
            Instant effectiveFrom = step.effectiveFrom() == null ? Instant.MIN : step.effectiveFrom();
            if (!changes.isEmpty() && changes.get(changes.size() - 1).effectiveFrom().equals(effectiveFrom)) {
                changes.remove(changes.size() - 1);
            }
            changes.add(new StatusChange(effectiveFrom, status));
        }
        return changes;
    }

    public static List<StatusChange> stepsToSolver(List<KnownStatusStep> steps) {
        return toSolver(steps.stream().map(step -> new CredentialStatusChange(step.status, step.effectiveFrom)).toList());
    }

    private CredentialStatusMapper() {
    }
}
