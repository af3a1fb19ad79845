package org.rota.web.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.rota.web.client.SolverViews.ActivityAllocation;
import org.rota.web.client.SolverViews.PinRequest;
import org.rota.web.client.SolverViews.PinView;
import org.rota.web.client.SolverViews.RangeAllocation;
import org.rota.web.client.SolverViews.SolveRun;

import io.smallrye.mutiny.Uni;

/** solver-service, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "solver-service")
@RegisterProvider(SignedInUserToken.class)
interface SolverServiceApi {

    /** {@code from} inclusive, {@code to} exclusive: ISO dates. */
    @GET
    @Path("/allocations")
    Uni<RangeAllocation> allocations(@QueryParam("department") String department, @QueryParam("from") String from,
            @QueryParam("to") String to);

    /** {@code from} inclusive, {@code to} exclusive: ISO dates. */
    @GET
    @Path("/allocations/clinicians/{id}")
    Uni<List<org.rota.events.AllocationEvent.AssignmentEntry>> assignmentsOf(@PathParam("id") UUID clinicianId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/allocations/activities/{id}")
    Uni<ActivityAllocation> explanation(@PathParam("id") UUID activityId);

    @GET
    @Path("/pins")
    Uni<List<PinView>> pins(@QueryParam("activityId") UUID activityId);

    @POST
    @Path("/pins")
    Uni<PinView> pin(PinRequest pin);

    @DELETE
    @Path("/pins/{id}")
    Uni<Void> unpin(@PathParam("id") UUID pinId);

    @GET
    @Path("/solves")
    Uni<Page<SolveRun>> solves(@QueryParam("windowId") String windowId, @QueryParam("page") int page,
            @QueryParam("size") int size);
}
