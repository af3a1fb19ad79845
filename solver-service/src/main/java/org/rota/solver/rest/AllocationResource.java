package org.rota.solver.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.platform.security.Roles;
import org.rota.platform.web.QueryParameters;
import org.rota.solver.service.ActivityExplainer.ActivityAllocation;
import org.rota.solver.service.ActivityExplainer;
import org.rota.solver.service.AllocationQueries.RangeAllocation;
import org.rota.solver.service.AllocationQueries;

@Path("/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations")
// reads only: every role
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER, Roles.CREDENTIALING, Roles.ADMIN})
public class AllocationResource {

    private final AllocationQueries allocations;
    private final ActivityExplainer explainer;

    AllocationResource(AllocationQueries allocations, ActivityExplainer explainer) {
        this.allocations = allocations;
        this.explainer = explainer;
    }

    /** The current allocation of [from, to): seats taken and seats left empty with the reason. */
    @GET
    public RangeAllocation range(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("department") String department) {
        return allocations.range(QueryParameters.date("from", from), QueryParameters.date("to", to), department);
    }

    /** Who staffs the activity, and for each clinician of the department why they could or could not. */
    @GET
    @Path("/activities/{id}")
    @Operation(summary = "Explain one activity's staffing with the solver's own rules",
            description = "The published assignments, the pins, each unfilled seat with its own reason, and for every"
                    + " clinician of the department a verdict naming the rule: ASSIGNED, ELIGIBLE_NOT_CHOSEN (with the"
                    + " cost a single move to put them in would add), ELIGIBLE (no allocation yet), or what stops them:"
                    + " INACTIVE, NO_CREDENTIAL, CREDENTIAL_EXPIRED_OR_SUSPENDED, LEVEL_TOO_LOW, ABSENT, BUSY_ELSEWHERE,"
                    + " REST, DUTY_LENGTH, DAILY_LIMIT, WEEKLY_CAP or WEEKLY_PROCEDURE_CAP, with a detail. Judged against"
                    + " the window's input as it stands and the clinicians' work in other windows.")
    public ActivityAllocation activity(@PathParam("id") UUID id) {
        return explainer.explain(id);
    }

    /** A clinician's schedule in [from, to). */
    @GET
    @Path("/clinicians/{id}")
    public List<AssignmentEntry> clinician(@PathParam("id") UUID id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return allocations.clinician(id, QueryParameters.date("from", from), QueryParameters.date("to", to));
    }
}
