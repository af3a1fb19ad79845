package org.rota.web.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.rota.events.AbsenceEvent;
import org.rota.events.ActivityEvent;
import org.rota.events.ClinicianEvent;
import org.rota.events.CredentialEvent;
import org.rota.web.client.SolverViews.ActivityAllocation;
import org.rota.web.client.SolverViews.PinRequest;
import org.rota.web.client.SolverViews.PinView;
import org.rota.web.client.SolverViews.RangeAllocation;
import org.rota.web.client.SolverViews.SolveRun;

import io.smallrye.mutiny.Uni;

/**
 * The three services as the screens need them, each call with the signed-in user's token: whole listings instead of
 * pages, and a 404 as an empty result. Each client's timeout is its {@code read-timeout} in application.properties.
 */
@ApplicationScoped
public class RotaServices {

    private final CredentialServiceApi credentials;
    private final ActivityServiceApi activities;
    private final SolverServiceApi solver;

    RotaServices(@RestClient CredentialServiceApi credentials, @RestClient ActivityServiceApi activities,
            @RestClient SolverServiceApi solver) {
        this.credentials = credentials;
        this.activities = activities;
        this.solver = solver;
    }

    /** The department's active clinicians. */
    public Uni<List<ClinicianEvent>> clinicians(String department) {
        return Pages.all(page -> credentials.clinicians(department, true, page, Pages.SIZE));
    }

    /** Every active clinician (their departments are the departments there are). */
    public Uni<List<ClinicianEvent>> allClinicians() {
        return Pages.all(page -> credentials.clinicians(null, true, page, Pages.SIZE));
    }

    public Uni<Optional<ClinicianEvent>> clinician(UUID id) {
        return optional(credentials.clinician(id));
    }

    public Uni<List<CredentialEvent>> credentialsOf(UUID clinicianId) {
        return Pages.all(page -> credentials.credentials(clinicianId, page, Pages.SIZE));
    }

    /** The department's scheduled activities overlapping [from, to). */
    public Uni<List<ActivityEvent>> activities(String department, Instant from, Instant to) {
        return Pages.all(page -> activities.activities(department, from.toString(), to.toString(), "SCHEDULED",
                page, Pages.SIZE));
    }

    public Uni<Optional<ActivityEvent>> activity(UUID id) {
        return optional(activities.activity(id));
    }

    public Uni<List<AbsenceEvent>> absencesOf(UUID clinicianId, Instant from, Instant to) {
        return Pages.all(page -> activities.absences(clinicianId, from.toString(), to.toString(), page, Pages.SIZE));
    }

    /** The current allocation of the department's days [from, to). */
    public Uni<RangeAllocation> allocation(String department, LocalDate from, LocalDate to) {
        return solver.allocations(department, from.toString(), to.toString());
    }

    /** The clinician's assignments on the days [from, to), in every department. */
    public Uni<List<org.rota.events.AllocationEvent.AssignmentEntry>> assignmentsOf(UUID clinicianId, LocalDate from,
            LocalDate to) {
        return solver.assignmentsOf(clinicianId, from.toString(), to.toString());
    }

    public Uni<Optional<ActivityAllocation>> explanation(UUID activityId) {
        return optional(solver.explanation(activityId));
    }

    public Uni<List<PinView>> pins(UUID activityId) {
        return solver.pins(activityId);
    }

    /** Pins the clinician to the activity; a pin that would break a hard rule fails with {@link PinRefused}. */
    public Uni<PinView> pin(UUID activityId, UUID clinicianId) {
        return solver.pin(new PinRequest(activityId, clinicianId, null)).onFailure(WebApplicationException.class)
                .transform(failure -> refusal((WebApplicationException) failure));
    }

    public Uni<Void> unpin(UUID pinId) {
        return solver.unpin(pinId);
    }

    /** The window's latest solve runs, newest first. */
    public Uni<List<SolveRun>> solves(String windowId, int size) {
        return solver.solves(windowId, 0, size).map(Page::items);
    }

    private static Throwable refusal(WebApplicationException failure) {
        Response response = failure.getResponse();
        if (response.getStatus() != Response.Status.CONFLICT.getStatusCode()) {
            return failure;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = response.readEntity(Map.class);
        return new PinRefused(String.valueOf(problem.getOrDefault("rule", "PIN_REFUSED")),
                String.valueOf(problem.getOrDefault("detail", "")));
    }

    private static <T> Uni<Optional<T>> optional(Uni<T> call) {
        return call.map(Optional::ofNullable).onFailure(WebApplicationException.class)
                .recoverWithUni(failure -> {
                    if (((WebApplicationException) failure).getResponse().getStatus() == 404) {
                        return Uni.createFrom().item(Optional.empty());
                    }
                    return Uni.createFrom().failure(failure);
                });
    }
}
