package org.rota.activity.rest;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.activity.domain.Activity;
import org.rota.activity.mapping.ActivityMapper;
import org.rota.activity.repository.ActivityRepository;
import org.rota.activity.service.ActivityBatchRequest;
import org.rota.activity.service.ActivityBatchResult;
import org.rota.activity.service.ActivityRequest;
import org.rota.activity.service.ActivityService;
import org.rota.events.ActivityEvent;
import org.rota.events.ActivityStatus;
import org.rota.events.EventTypes;
import org.rota.platform.security.Roles;
import org.rota.platform.web.ExpectedVersion;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;
import org.rota.platform.web.QueryParameters;
import org.rota.platform.web.RepresentationCache;

import io.smallrye.mutiny.Uni;

@Path("/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Activities")
// reads: every role; each write names its own
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER, Roles.CREDENTIALING, Roles.ADMIN})
public class ActivityResource {

    private final ActivityService activities;
    private final RepresentationCache cache;

    ActivityResource(ActivityService activities, RepresentationCache cache) {
        this.activities = activities;
        this.cache = cache;
    }

    @POST
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public Response create(@NotNull @Valid ActivityRequest body) {
        Activity activity = activities.create(body);
        return withVersion(Response.created(URI.create("/activities/" + activity.id)), activity);
    }

    @POST
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Path("/batch")
    @Operation(summary = "Bulk import", description = "Up to 5,000 activities, all or nothing, matched by externalId: "
            + "new ones are created, changed ones updated, identical ones left alone.")
    public ActivityBatchResult importBatch(ActivityBatchRequest batch) {
        return activities.importBatch(batch);
    }

    @GET
    @Operation(summary = "Activities overlapping [from, to), filtered and paged, in start order")
    public Page<ActivityEvent> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("location") String location, @QueryParam("procedureCode") String procedureCode,
            @QueryParam("status") String status, @QueryParam("department") String department,
            @QueryParam("externalId") String externalId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        var filter = new ActivityRepository.Filter(TimeParameters.instant("from", from),
                TimeParameters.instant("to", to), blankToNull(location), blankToNull(procedureCode),
                QueryParameters.enumValue("status", status, ActivityStatus.class), blankToNull(department),
                blankToNull(externalId));
        TimeParameters.requireOrdered(filter.from(), filter.to());
        return activities.search(filter, PageRequest.of(page, size)).map(ActivityMapper::toEvent);
    }

    /** Served from memory when hot; see {@link RepresentationCache}. */
    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return cache.serve(EventTypes.key("activity", id), () -> ActivityMapper.toEvent(activities.get(id)))
                .map(event -> Response.ok(event).tag(Long.toString(event.version())).build());
    }

    @PUT
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ActivityRequest body) {
        ExpectedVersion expected = ExpectedVersion.required(ifMatch, body.version());
        return withVersion(Response.ok(), activities.update(id, body, expected));
    }

    /** Cancels: the activity stays known, is no longer staffed. */
    @DELETE
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Path("/{id}")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withVersion(Response.ok(), activities.cancel(id, ExpectedVersion.of(ifMatch, null)));
    }

    private static Response withVersion(Response.ResponseBuilder response, Activity activity) {
        return response.tag(Long.toString(activity.version)).entity(ActivityMapper.toEvent(activity)).build();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
