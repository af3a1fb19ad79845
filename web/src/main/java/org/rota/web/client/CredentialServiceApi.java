package org.rota.web.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.rota.events.ClinicianEvent;
import org.rota.events.CredentialEvent;

import io.smallrye.mutiny.Uni;

/** credential-service, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "credential-service")
@RegisterProvider(SignedInUserToken.class)
interface CredentialServiceApi {

    @GET
    @Path("/clinicians")
    Uni<Page<ClinicianEvent>> clinicians(@QueryParam("department") String department,
            @QueryParam("active") Boolean active, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/clinicians/{id}")
    Uni<ClinicianEvent> clinician(@PathParam("id") UUID id);

    @GET
    @Path("/credentials")
    Uni<Page<CredentialEvent>> credentials(@QueryParam("clinicianId") UUID clinicianId,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/credentials/{id}/revoke")
    Uni<CredentialEvent> revoke(@PathParam("id") UUID id);
}
