package org.rota.activity.mapping;

import java.util.List;
import java.util.Objects;

import org.rota.activity.domain.Absence;
import org.rota.activity.domain.Activity;
import org.rota.activity.domain.DayPreference;
import org.rota.activity.service.AbsenceRequest;
import org.rota.activity.service.ActivityRequest;
import org.rota.activity.service.DayPreferenceRequest;
import org.rota.activity.service.SeatGroupRequest;
import org.rota.activity.service.SeatPlan;
import org.rota.events.AbsenceEvent;
import org.rota.events.ActivityEvent;
import org.rota.events.ActivityUpsert;
import org.rota.events.DayPreferenceEvent;
import org.rota.events.SeatGroup;

/**
 * Entity ↔ contract. The event records are also the REST representations: a client reads exactly what consumers of
 * the topic read.
 */
public final class ActivityMapper {

    public static ActivityEvent toEvent(Activity a) {
        return new ActivityEvent(a.id, a.externalId, a.department, a.title, a.startsAt, a.endsAt, a.location,
                a.procedureCode, a.requiredClinicians, a.minimumLevel, a.seats, a.traineesPerSupervisor, a.status,
                a.version, a.updatedAt);
    }

    public static AbsenceEvent toEvent(Absence a) {
        return new AbsenceEvent(a.id, a.clinicianId, a.startsAt, a.endsAt, a.reason, a.deleted, a.version, a.updatedAt);
    }

    public static DayPreferenceEvent toEvent(DayPreference p) {
        return new DayPreferenceEvent(p.id, p.clinicianId, p.onDate, p.kind, p.deleted, p.version, p.updatedAt);
    }

    public static void apply(ActivityRequest request, Activity activity) {
        activity.externalId = request.externalId();
        activity.department = request.department();
        activity.title = request.title();
        activity.startsAt = request.start();
        activity.endsAt = request.end();
        activity.location = request.location();
        activity.procedureCode = request.procedureCode();
        activity.seats = SeatPlan.of(request);
        activity.requiredClinicians = SeatGroup.requiredSeats(activity.seats);
        activity.minimumLevel = SeatGroup.lowestRequiredLevel(activity.seats);
        activity.traineesPerSupervisor = request.traineesPerSupervisor();
        if (request.status() != null) {
            activity.status = request.status();
        }
    }

    /** Whether applying the request would change anything: a re-imported activity that would not is left alone. */
    public static boolean changes(ActivityRequest request, Activity activity) {
        return !(Objects.equals(activity.externalId, request.externalId())
                && Objects.equals(activity.department, request.department())
                && Objects.equals(activity.title, request.title())
                && Objects.equals(activity.startsAt, request.start())
                && Objects.equals(activity.endsAt, request.end())
                && Objects.equals(activity.location, request.location())
                && Objects.equals(activity.procedureCode, request.procedureCode())
                && Objects.equals(activity.seats, SeatPlan.of(request))
                && Objects.equals(activity.traineesPerSupervisor, request.traineesPerSupervisor())
                && (request.status() == null || activity.status == request.status()));
    }

    public static void apply(AbsenceRequest request, Absence absence) {
        absence.startsAt = request.from();
        absence.endsAt = request.until();
        absence.reason = request.reason();
    }

    public static void apply(DayPreferenceRequest request, DayPreference preference) {
        preference.onDate = request.date();
        preference.kind = request.kind();
    }

    public static ActivityRequest toRequest(ActivityUpsert upsert) {
        return new ActivityRequest(upsert.externalId(), upsert.department(), upsert.title(), upsert.start(),
                upsert.end(), upsert.location(), upsert.procedureCode(), upsert.requiredClinicians(),
                upsert.minimumLevel(), seats(upsert.seats()), upsert.traineesPerSupervisor(), upsert.status(), null);
    }

    private static List<SeatGroupRequest> seats(List<SeatGroup> groups) {
        return groups == null ? null : groups.stream()
                .map(group -> group == null ? null
                        : new SeatGroupRequest(group.minimumLevel(), group.count(), group.optional()))
                .toList();
    }

    private ActivityMapper() {
    }
}
