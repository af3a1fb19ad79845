package org.rota.credential.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.credential.domain.Clinician;
import org.rota.credential.mapping.CredentialMapper;
import org.rota.credential.service.ClinicianRequest;
import org.rota.credential.service.ClinicianService;
import org.rota.events.ClinicianEvent;
import org.rota.events.EventTypes;
import org.rota.platform.security.Roles;
import org.rota.platform.web.ExpectedVersion;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;
import org.rota.platform.web.QueryParameters;
import org.rota.platform.web.RepresentationCache;

import io.smallrye.mutiny.Uni;

@Path("/clinicians")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clinicians")
// reads: every role; each write names its own
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER, Roles.CREDENTIALING, Roles.ADMIN})
public class ClinicianResource {

    private final ClinicianService clinicians;
    private final RepresentationCache cache;

    ClinicianResource(ClinicianService clinicians, RepresentationCache cache) {
        this.clinicians = clinicians;
        this.cache = cache;
    }

    @POST
    @RolesAllowed({Roles.CREDENTIALING, Roles.ADMIN})
    public Response create(@NotNull @Valid ClinicianRequest body) {
        Clinician clinician = clinicians.create(body);
        return withVersion(Response.created(URI.create("/clinicians/" + clinician.id)), clinician);
    }

    @GET
    public Page<ClinicianEvent> list(@QueryParam("department") String department, @QueryParam("active") String active,
            @QueryParam("externalId") String externalId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return clinicians.search(department, QueryParameters.bool("active", active), externalId,
                PageRequest.of(page, size)).map(CredentialMapper::toEvent);
    }

    /** Served from memory when hot; see {@link RepresentationCache}. */
    @GET
    @Path("/{id}")
    @APIResponseSchema(ClinicianEvent.class)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return cache.serve(EventTypes.key("clinician", id), () -> CredentialMapper.toEvent(clinicians.get(id)))
                .map(event -> Response.ok(event).tag(Long.toString(event.version())).build());
    }

    @PUT
    @RolesAllowed({Roles.CREDENTIALING, Roles.ADMIN})
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ClinicianRequest body) {
        ExpectedVersion expected = ExpectedVersion.required(ifMatch, body.version());
        return withVersion(Response.ok(), clinicians.update(id, body, expected));
    }

    /** Deactivates: the clinician stays known, is no longer allocated. */
    @DELETE
    @RolesAllowed({Roles.CREDENTIALING, Roles.ADMIN})
    @Path("/{id}")
    public Response deactivate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withVersion(Response.ok(), clinicians.deactivate(id, ExpectedVersion.of(ifMatch, null)));
    }

    /**
     * Erases the clinician's personal data on request (right to erasure); see {@link ClinicianService#erase}.
     * activity-service has its own erasure for the clinician's absences.
     */
    @POST
    @Path("/{id}/erasure")
    @RolesAllowed(Roles.ADMIN)
    @APIResponseSchema(ClinicianEvent.class)
    public Response erase(@PathParam("id") UUID id) {
        return withVersion(Response.ok(), clinicians.erase(id));
    }

    private static Response withVersion(Response.ResponseBuilder response, Clinician clinician) {
        return response.tag(Long.toString(clinician.version)).entity(CredentialMapper.toEvent(clinician)).build();
    }
}
