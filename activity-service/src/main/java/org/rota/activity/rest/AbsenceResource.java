package org.rota.activity.rest;

import java.net.URI;
import java.time.Instant;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.activity.domain.Absence;
import org.rota.activity.mapping.ActivityMapper;
import org.rota.activity.service.AbsenceRequest;
import org.rota.activity.service.AbsenceService;
import org.rota.events.AbsenceEvent;
import org.rota.platform.security.Roles;
import org.rota.platform.web.ExpectedVersion;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;
import org.rota.platform.web.QueryParameters;

@Path("/absences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Absences")
// reads: every role; each write names its own
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER, Roles.CREDENTIALING, Roles.ADMIN})
public class AbsenceResource {

    private final AbsenceService absences;

    AbsenceResource(AbsenceService absences) {
        this.absences = absences;
    }

    @POST
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public Response create(@NotNull @Valid AbsenceRequest body) {
        Absence absence = absences.create(body);
        return withVersion(Response.created(URI.create("/absences/" + absence.id)), absence);
    }

    @GET
    @Operation(summary = "Absences overlapping [from, to), of one clinician or all, paged")
    public Page<AbsenceEvent> list(@QueryParam("clinicianId") String clinicianId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") String page, @QueryParam("size") String size) {
        Instant fromInstant = TimeParameters.instant("from", from);
        Instant toInstant = TimeParameters.instant("to", to);
        TimeParameters.requireOrdered(fromInstant, toInstant);
        return absences.search(QueryParameters.uuid("clinicianId", clinicianId), fromInstant, toInstant,
                PageRequest.of(page, size)).map(ActivityMapper::toEvent);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        return withVersion(Response.ok(), absences.get(id));
    }

    @PUT
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AbsenceRequest body) {
        ExpectedVersion expected = ExpectedVersion.required(ifMatch, body.version());
        return withVersion(Response.ok(), absences.update(id, body, expected));
    }

    /** Withdraws the absence; the response and the last event carry {@code deleted=true}. */
    @DELETE
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Path("/{id}")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withVersion(Response.ok(), absences.withdraw(id, ExpectedVersion.of(ifMatch, null)));
    }

    private static Response withVersion(Response.ResponseBuilder response, Absence absence) {
        return response.tag(Long.toString(absence.version)).entity(ActivityMapper.toEvent(absence)).build();
    }
}
