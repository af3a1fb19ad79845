package org.rota.activity.rest;

import java.net.URI;
import java.time.LocalDate;
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
import org.rota.activity.domain.DayPreference;
import org.rota.activity.mapping.ActivityMapper;
import org.rota.activity.service.DayPreferenceRequest;
import org.rota.activity.service.DayPreferenceService;
import org.rota.events.DayPreferenceEvent;
import org.rota.platform.security.Roles;
import org.rota.platform.web.ExpectedVersion;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;
import org.rota.platform.web.QueryParameters;

@Path("/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Day preferences")
// reads: every role; each write names its own
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER, Roles.CREDENTIALING, Roles.ADMIN})
public class DayPreferenceResource {

    private final DayPreferenceService preferences;

    DayPreferenceResource(DayPreferenceService preferences) {
        this.preferences = preferences;
    }

    @POST
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public Response create(@NotNull @Valid DayPreferenceRequest body) {
        DayPreference preference = preferences.create(body);
        return withVersion(Response.created(URI.create("/preferences/" + preference.id)), preference);
    }

    @GET
    @Operation(summary = "Preferences on days from `from` to `to` (ISO dates, both inclusive), paged")
    public Page<DayPreferenceEvent> list(@QueryParam("clinicianId") String clinicianId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        LocalDate fromDate = TimeParameters.date("from", from);
        LocalDate toDate = TimeParameters.date("to", to);
        TimeParameters.requireOrdered(fromDate, toDate);
        return preferences.search(QueryParameters.uuid("clinicianId", clinicianId), fromDate, toDate,
                PageRequest.of(page, size)).map(ActivityMapper::toEvent);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        return withVersion(Response.ok(), preferences.get(id));
    }

    @PUT
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DayPreferenceRequest body) {
        ExpectedVersion expected = ExpectedVersion.required(ifMatch, body.version());
        return withVersion(Response.ok(), preferences.update(id, body, expected));
    }

    /** Withdraws the preference; the response and the last event carry {@code deleted=true}. */
    @DELETE
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Path("/{id}")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withVersion(Response.ok(), preferences.withdraw(id, ExpectedVersion.of(ifMatch, null)));
    }

    private static Response withVersion(Response.ResponseBuilder response, DayPreference preference) {
        return response.tag(Long.toString(preference.version)).entity(ActivityMapper.toEvent(preference)).build();
    }
}
