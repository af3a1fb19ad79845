package org.rota.activity.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.rota.events.ClinicianEvent;
import org.rota.events.ProcedureEvent;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * credential-service's REST API, as far as activity-service reads it. Used only through {@link CredentialServiceClient}.
 * Each call carries activity-service's own client-credentials token (role viewer), see quarkus.oidc-client.*.
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
