package org.rota.solver.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.platform.security.Roles;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.domain.SolveRun;
import org.rota.solver.service.AllocationQueries;
import org.rota.solver.service.SolveRequests;

@Path("/solves")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Solves")
// reads: every role; each write names its own
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER, Roles.CREDENTIALING, Roles.ADMIN})
public class SolveResource {

    private final SolveRequests requests;
    private final AllocationQueries queries;

    SolveResource(SolveRequests requests, AllocationQueries queries) {
        this.requests = requests;
        this.queries = queries;
    }

    /** The range to re-plan, of one department or of all. */
    public record SolveRequest(LocalDate from, LocalDate to,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,40}",
                    message = "must be a department code of letters, digits, '_' or '-' (at most 40)")
            String department) {
    }

    public record Accepted(List<String> windows) {
    }

    /** Queues a solve of every planning window in the range; follow them in GET /solves?windowId=. */
    @POST
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public Response trigger(@Valid SolveRequest request) {
        SolveRequest body = request == null ? new SolveRequest(null, null, null) : request;
        List<PlanningWindow> windows = requests.request(body.from(), body.to(), body.department());
        return Response.accepted(new Accepted(windows.stream().map(PlanningWindow::id).toList())).build();
    }

    /** Solve-run history, newest first, with the statistics of each run. */
    @GET
    public Page<SolveRun> history(@QueryParam("windowId") String windowId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return queries.runs(windowId, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    public SolveRun run(@PathParam("id") UUID id) {
        return queries.run(id);
    }
}
