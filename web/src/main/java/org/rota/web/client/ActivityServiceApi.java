package org.rota.web.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.rota.events.AbsenceEvent;
import org.rota.events.ActivityEvent;

import io.smallrye.mutiny.Uni;

/** activity-service, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "activity-service")
@RegisterProvider(SignedInUserToken.class)
interface ActivityServiceApi {

    /** {@code from}/{@code to}: ISO instants. */
    @GET
    @Path("/activities")
    Uni<Page<ActivityEvent>> activities(@QueryParam("department") String department, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("status") String status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/activities/{id}")
    Uni<ActivityEvent> activity(@PathParam("id") UUID id);

    @GET
    @Path("/absences")
    Uni<Page<AbsenceEvent>> absences(@QueryParam("clinicianId") UUID clinicianId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") int page, @QueryParam("size") int size);
}
