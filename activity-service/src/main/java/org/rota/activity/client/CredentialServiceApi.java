package org.rota.activity.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.oidc.client.filter.OidcClientFilter;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.rota.events.ClinicianEvent;
import org.rota.events.ProcedureEvent;

/**
 * credential-service's REST API, as far as activity-service reads it, called with activity-service's own
 * client-credentials token. Used only through {@link CredentialServiceClient}.
 */
@RegisterRestClient(configKey = "credential-service")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
interface CredentialServiceApi {

    @GET
    @Path("/procedures/{code}")
    ProcedureEvent procedure(@PathParam("code") String code);

    @GET
    @Path("/clinicians/{id}")
    ClinicianEvent clinician(@PathParam("id") UUID id);
}
