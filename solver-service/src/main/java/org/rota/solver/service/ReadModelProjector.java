package org.rota.solver.service;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.events.AbsenceEvent;
import org.rota.events.ActivityEvent;
import org.rota.events.ClinicianEvent;
import org.rota.events.CredentialEvent;
import org.rota.events.SeatGroup;
import org.rota.events.DayPreferenceEvent;
import org.rota.events.EventTypes;
import org.rota.platform.inbound.InboundEvent;
import org.rota.platform.inbound.InboundEventReader;
import org.rota.platform.inbound.InvalidMessageException;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.mapping.SeatMapper;
import org.rota.solver.repository.ReadModelWriter;
import org.rota.solver.repository.ReadModelWriter.Applied;
import org.rota.solver.repository.ReadModelWriter.DepartmentWeek;
import org.rota.solver.repository.ReadModelWriter.Interval;

/**
 * Applies one change event to the read model and tells which planning windows it makes dirty. The event is bound to
 * its contract record ({@code org.rota.events}) and judged by the solver's rules before anything is written, so an
 * event the solver would reject never reaches the model. Idempotent: the write is a conditional upsert that ignores a
 * version not newer than the stored one, so duplicates and stale redeliveries change nothing.
 */
@ApplicationScoped
public class ReadModelProjector {

    private final InboundEventReader reader;
    private final ZoneId zone;

    ReadModelProjector(InboundEventReader reader, SolverConfig config) {
        this.reader = reader;
        this.zone = config.zone();
    }

    /**
     * One transaction's worth of events, written through one connection. It remembers window look-ups: one burst
     * often touches the same department many times.
     */
    public static final class Batch {
        private final ReadModelWriter writer;
        private final boolean findsWindows;
        private final Map<String, Set<PlanningWindow>> windowLookups = new HashMap<>();

        /** @param findsWindows false when no window will be re-planned from this batch (a rebuild's staging copy) */
        public Batch(ReadModelWriter writer, boolean findsWindows) {
            this.writer = writer;
            this.findsWindows = findsWindows;
        }
    }

    /**
     * Applies one change event; returns the windows to re-solve (none when the event was stale or irrelevant). An
     * event that breaks the contract or the solver's rules throws {@link InvalidMessageException} before any write.
     */
    public Set<PlanningWindow> apply(InboundEvent event, Batch batch) throws SQLException {
        return switch (event.type()) {
            case EventTypes.CLINICIAN -> clinician(reader.data(event, ClinicianEvent.class), batch);
            case EventTypes.CREDENTIAL -> credential(reader.data(event, CredentialEvent.class), batch);
            case EventTypes.ACTIVITY -> activity(reader.data(event, ActivityEvent.class), batch);
            case EventTypes.ABSENCE -> absence(reader.data(event, AbsenceEvent.class), batch);
            case EventTypes.DAY_PREFERENCE -> preference(reader.data(event, DayPreferenceEvent.class), batch);
            case EventTypes.PROCEDURE -> Set.of();
            default -> throw new InvalidMessageException("Unknown event type '" + event.type() + "'");
        };
    }

    private Set<PlanningWindow> clinician(ClinicianEvent event, Batch batch) throws SQLException {
        ChangeEventRules.check(event);
        BigDecimal fte = ChangeEventRules.storedFte(event.fte());
        Applied<Set<String>> applied = batch.writer.clinician(event, fte);
        if (!applied.applied() || !batch.findsWindows) {
            return Set.of();
        }
        Set<String> departments = new LinkedHashSet<>(applied.previous().orElse(Set.of()));
        if (event.departments() != null) {
            departments.addAll(event.departments());
        }
        return activityWindows(batch, departments, null, horizon(), null);
    }

    private Set<PlanningWindow> credential(CredentialEvent event, Batch batch) throws SQLException {
        ChangeEventRules.check(event);
        if (!batch.writer.credential(event) || !batch.findsWindows) {
            return Set.of();
        }
        List<String> departments = batch.writer.departmentsOf(event.clinicianId());
        Set<PlanningWindow> dirty = activityWindows(batch, departments, event.procedureCode(), horizon(), null);
        batch.writer.windowsWhereAssigned(event.clinicianId(), horizon())
                .forEach(windowId -> dirty.add(PlanningWindow.parse(windowId)));
        return dirty;
    }

    private Set<PlanningWindow> activity(ActivityEvent event, Batch batch) throws SQLException {
        List<SeatGroup> seats = SeatMapper.toEvents(ChangeEventRules.check(event).seats());
        Applied<ReadModelWriter.ActivityPlace> applied = batch.writer.activity(event, seats);
        if (!applied.applied() || !batch.findsWindows) {
            return Set.of();
        }
        Set<PlanningWindow> dirty = new HashSet<>();
        applied.previous().ifPresent(before -> dirty.add(PlanningWindow.containing(before.department(),
                before.start(), zone)));
        dirty.add(PlanningWindow.containing(event.department(), event.start(), zone));
        return current(dirty);
    }

    private Set<PlanningWindow> absence(AbsenceEvent event, Batch batch) throws SQLException {
        ChangeEventRules.check(event);
        Applied<Interval> applied = batch.writer.absence(event);
        if (!applied.applied() || !batch.findsWindows) {
            return Set.of();
        }
        Instant from = event.from();
        Instant until = event.until();
        if (applied.previous().isPresent()) {
            Interval before = applied.previous().get();
            from = before.from().isBefore(from) ? before.from() : from;
            until = before.until().isAfter(until) ? before.until() : until;
        }
        return windowsOfClinicianBetween(batch, event.clinicianId(), from, until);
    }

    private Set<PlanningWindow> preference(DayPreferenceEvent event, Batch batch) throws SQLException {
        ChangeEventRules.check(event);
        Applied<LocalDate> applied = batch.writer.preference(event);
        if (!applied.applied() || !batch.findsWindows) {
            return Set.of();
        }
        Set<PlanningWindow> dirty = windowsOfClinicianOn(batch, event.clinicianId(), event.date());
        LocalDate previousDay = applied.previous().orElse(event.date());
        if (!previousDay.equals(event.date())) {
            dirty.addAll(windowsOfClinicianOn(batch, event.clinicianId(), previousDay));
        }
        return dirty;
    }

    private Set<PlanningWindow> windowsOfClinicianOn(Batch batch, UUID clinicianId, LocalDate day)
            throws SQLException {
        return windowsOfClinicianBetween(batch, clinicianId, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private Set<PlanningWindow> windowsOfClinicianBetween(Batch batch, UUID clinicianId, Instant from, Instant until)
            throws SQLException {
        Instant start = from.isBefore(horizon()) ? horizon() : from;
        return activityWindows(batch, batch.writer.departmentsOf(clinicianId), null, start, until);
    }

    /** Windows of scheduled activities of these departments from {@code from}, remembered for the batch. */
    private Set<PlanningWindow> activityWindows(Batch batch, Collection<String> departments, String procedureCode,
            Instant from, Instant until) throws SQLException {
        String key = departments + "|" + procedureCode + "|" + from + "|" + until;
        Set<PlanningWindow> found = batch.windowLookups.get(key);
        if (found == null) {
            found = new HashSet<>();
            for (DepartmentWeek week : batch.writer.weeksWithScheduledActivities(departments, procedureCode, from,
                    until, zone)) {
                found.add(new PlanningWindow(week.department(), week.weekStart()));
            }
            batch.windowLookups.put(key, found);
        }
        return new HashSet<>(found);
    }

    /** Past weeks are history: changes never re-plan them (an explicit solve request still can). */
    private Set<PlanningWindow> current(Set<PlanningWindow> windows) {
        LocalDate thisWeek = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        windows.removeIf(window -> window.weekStart().isBefore(thisWeek));
        return windows;
    }

    private Instant horizon() {
        return LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)
                .toInstant();
    }
}
