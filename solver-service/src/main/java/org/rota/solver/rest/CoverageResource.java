package org.rota.solver.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.platform.security.Roles;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;
import org.rota.platform.web.QueryParameters;
import org.rota.solver.service.CoverageQueries;
import org.rota.solver.service.CoverageQueries.AtRiskActivity;
import org.rota.solver.service.CoverageQueries.Renewal;

@Path("/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage")
// reads only: every role
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER, Roles.CREDENTIALING, Roles.ADMIN})
public class CoverageResource {

    private final CoverageQueries coverage;

    CoverageResource(CoverageQueries coverage) {
        this.coverage = coverage;
    }

    @GET
    @Path("/at-risk")
    @Operation(summary = "Activities not safely covered, with the credential changes that would help",
            description = "The scheduled activities starting on the dates from..to (inclusive, at most 190 days),"
                    + " optionally of one department, each judged on its own date with the solver's eligibility"
                    + " (credential ACTIVE and valid at a level that fits a seat group, no absence, the hard rules an"
                    + " activity breaks by itself; other assignments do not count): UNCOVERABLE when the clinicians who"
                    + " could serve fill fewer than its required seats, NO_SPARE when they fill them all but one"
                    + " absence would empty a seat. `eligible` counts the clinicians able to take a required seat; with"
                    + " several seat groups, a group short of its level is UNCOVERABLE whatever the count. `fixes` are"
                    + " the credentials whose RENEW (expired or expiring before the activity), REINSTATE (suspended)"
                    + " or RAISE_LEVEL (one level higher) would each add a clinician for a seat short or at risk."
                    + " Ordered by start, then activityId.")
    public Page<AtRiskActivity> atRisk(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("department") String department, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return coverage.atRisk(QueryParameters.date("from", from), QueryParameters.date("to", to), department,
                request);
    }

    @GET
    @Path("/renewals")
    @Operation(summary = "The credential changes that would cover most seats at risk",
            description = "Every credential that is a fix of some activity of /coverage/at-risk for the same range,"
                    + " once per change, with the seats at risk it would cover (one per activity) and those"
                    + " activities; most seats covered first, then the earliest activity.")
    public Page<Renewal> renewals(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("department") String department, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return coverage.renewals(QueryParameters.date("from", from), QueryParameters.date("to", to), department,
                request);
    }
}
