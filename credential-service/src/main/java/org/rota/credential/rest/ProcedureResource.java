package org.rota.credential.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.rota.credential.domain.Procedure;
import org.rota.credential.mapping.CredentialMapper;
import org.rota.credential.service.ProcedureRequest;
import org.rota.credential.service.ProcedureService;
import org.rota.events.ProcedureEvent;
import org.rota.platform.security.Roles;
import org.rota.platform.web.ExpectedVersion;
import org.rota.platform.web.QueryParameters;

@Path("/procedures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Procedures")
// reads: every role; each write names its own
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER, Roles.CREDENTIALING, Roles.ADMIN})
public class ProcedureResource {

    private final ProcedureService procedures;

    ProcedureResource(ProcedureService procedures) {
        this.procedures = procedures;
    }

    @POST
    @RolesAllowed({Roles.CREDENTIALING, Roles.ADMIN})
    public Response create(@NotNull @Valid ProcedureRequest body) {
        Procedure procedure = procedures.create(body);
        return withVersion(Response.created(URI.create("/procedures/" + procedure.code)), procedure);
    }

    @GET
    public List<ProcedureEvent> list(@QueryParam("active") String active) {
        return procedures.list(QueryParameters.bool("active", active)).stream().map(CredentialMapper::toEvent).toList();
    }

    @GET
    @Path("/{code}")
    @APIResponseSchema(ProcedureEvent.class)
    public Response get(@PathParam("code") String code) {
        return withVersion(Response.ok(), procedures.get(code));
    }

    @PUT
    @RolesAllowed({Roles.CREDENTIALING, Roles.ADMIN})
    @Path("/{code}")
    public Response update(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ProcedureRequest body) {
        ExpectedVersion expected = ExpectedVersion.required(ifMatch, body.version());
        return withVersion(Response.ok(), procedures.update(code, body, expected));
    }

    private static Response withVersion(Response.ResponseBuilder response, Procedure procedure) {
        return response.tag(Long.toString(procedure.version)).entity(CredentialMapper.toEvent(procedure)).build();
    }
}
