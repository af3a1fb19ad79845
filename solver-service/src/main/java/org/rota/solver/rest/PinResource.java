package org.rota.solver.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.platform.security.Roles;
import org.rota.platform.web.QueryParameters;
import org.rota.solver.domain.Pin;
import org.rota.solver.service.PinRequest;
import org.rota.solver.service.PinService;

/**
 * Scheduler decisions the solver keeps. A pin that breaks a hard rule is refused when made (409 naming the rule); one
 * that later cannot be kept (the data changed) is reported in the allocation, never dropped silently.
 */
@Path("/pins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pins")
// reads: every role; each write names its own
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER, Roles.CREDENTIALING, Roles.ADMIN})
public class PinResource {

    private final PinService pins;

    PinResource(PinService pins) {
        this.pins = pins;
    }

    public record PinView(UUID id, UUID activityId, UUID clinicianId, String reason, java.time.Instant createdAt) {
        static PinView of(Pin pin) {
            return new PinView(pin.id, pin.activityId, pin.clinicianId, pin.reason, pin.createdAt);
        }
    }

    @POST
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Pin a clinician to an activity",
            description = "Checked with the solver's rules against the activity's window's other pins and the"
                    + " clinician's work that a pin cannot displace (other windows' pins, work already started): 409"
                    + " with a problem body naming the rule (e.g. {\"rule\": \"REST\"}) when it cannot be kept. The"
                    + " clinician's automatic assignments in other windows give way: those windows are re-planned.")
    public Response create(@NotNull @Valid PinRequest body) {
        Pin pin = pins.create(body);
        return Response.created(URI.create("/pins/" + pin.id)).entity(PinView.of(pin)).build();
    }

    @GET
    public List<PinView> list(@QueryParam("activityId") String activityId) {
        return pins.list(QueryParameters.uuid("activityId", activityId)).stream().map(PinView::of).toList();
    }

    @DELETE
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        pins.delete(id);
        return Response.noContent().build();
    }
}
