package org.rota.solver.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Supplier;

import org.rota.events.AbsenceEvent;
import org.rota.events.ActivityEvent;
import org.rota.events.ClinicianEvent;
import org.rota.events.CredentialEvent;
import org.rota.events.DayPreferenceEvent;
import org.rota.platform.inbound.InvalidMessageException;
import org.rota.events.SeatGroup;
import org.rota.solver.mapping.CredentialStatusMapper;
import org.rota.solver.mapping.SeatMapper;
import org.rota.solver.solver.Absence;
import org.rota.solver.solver.Activity;
import org.rota.solver.solver.Clinician;
import org.rota.solver.solver.Credential;
import org.rota.solver.solver.CredentialStatus;
import org.rota.solver.solver.DayPreference;
import org.rota.solver.solver.InvalidProblemException;
import org.rota.solver.solver.Level;
import org.rota.solver.solver.PreferenceKind;

/**
 * Judges a change event by the solver's own rules, by building the solver's input record from it: what the solver
 * would reject must never reach the read model, or every later solve of its window would fail. Fields the read model
 * keys on (ids, the version is a primitive) are checked here; the rest of the rules live in the solver's records.
 */
final class ChangeEventRules {

    /** The read model keeps fte with two decimals (NUMERIC(3, 2)); the solver must accept the value as stored. */
    static final int FTE_SCALE = 2;

    private ChangeEventRules() {
    }

    static BigDecimal storedFte(BigDecimal fte) {
        return fte == null ? null : fte.setScale(FTE_SCALE, RoundingMode.HALF_UP);
    }

    static Clinician check(ClinicianEvent event) {
        required(event.id(), "id");
        required(event.fte(), "fte");
        return solverAccepts(() -> new Clinician(event.id().toString(), storedFte(event.fte()).doubleValue(),
                event.maxMinutesPerWeek(), event.active(), event.role()));
    }

    static Credential check(CredentialEvent event) {
        required(event.id(), "id");
        required(event.clinicianId(), "clinicianId");
        required(event.level(), "level");
        required(event.status(), "status");
        required(event.validFrom(), "validFrom");
        return solverAccepts(() -> new Credential(event.clinicianId().toString(), event.procedureCode(),
                Level.valueOf(event.level().name()), event.validFrom(), event.validUntil(),
                CredentialStatus.valueOf(event.status().name()), event.maxPerWeek(),
                CredentialStatusMapper.toSolver(event.statusHistory())));
    }

    /**
     * Returns the activity as the solver reads it. Seats that are just the event's own shorthand are read as the
     * shorthand (an omitted minimum level is the solver's default); spelled-out seats as they are.
     */
    static Activity check(ActivityEvent event) {
        required(event.id(), "id");
        required(event.department(), "department");
        required(event.status(), "status");
        boolean shorthand = event.seats().equals(SeatGroup.shorthand(event.requiredClinicians(), event.minimumLevel()));
        return solverAccepts(() -> shorthand
                ? new Activity(event.id().toString(), event.start(), event.end(), event.procedureCode(),
                        event.requiredClinicians(), SeatMapper.toSolver(event.minimumLevel()), event.title(),
                        event.location(), null, event.traineesPerSupervisor())
                : new Activity(event.id().toString(), event.start(), event.end(), event.procedureCode(), null, null,
                        event.title(), event.location(), SeatMapper.toSolver(event.seats()),
                        event.traineesPerSupervisor()));
    }

    static Absence check(AbsenceEvent event) {
        required(event.id(), "id");
        return solverAccepts(() -> new Absence(event.clinicianId() == null ? null : event.clinicianId().toString(),
                event.from(), event.until()));
    }

    static DayPreference check(DayPreferenceEvent event) {
        required(event.id(), "id");
        return solverAccepts(() -> new DayPreference(event.clinicianId() == null ? null : event.clinicianId().toString(),
                event.date(), event.kind() == null ? null : PreferenceKind.valueOf(event.kind().name())));
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidMessageException("Field '" + field + "' is missing");
        }
    }

    private static <T> T solverAccepts(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (InvalidProblemException e) {
            throw new InvalidMessageException("The solver would reject it: " + e.getMessage(), e);
        }
    }
}
