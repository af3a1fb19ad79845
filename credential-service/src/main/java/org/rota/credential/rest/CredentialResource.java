package org.rota.credential.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.credential.domain.Credential;
import org.rota.credential.domain.CredentialChange;
import org.rota.credential.mapping.CredentialMapper;
import org.rota.credential.repository.CredentialRepository;
import org.rota.credential.service.CredentialRequest;
import org.rota.credential.service.CredentialService;
import org.rota.credential.service.HospitalCalendar;
import org.rota.credential.service.CredentialUpdateRequest;
import org.rota.credential.service.StatusChangeRequest;
import org.rota.events.CredentialEvent;
import org.rota.events.CredentialLevel;
import org.rota.events.CredentialStatus;
import org.rota.events.EventTypes;
import org.rota.platform.problem.ProblemException;
import org.rota.platform.security.Roles;
import org.rota.platform.web.ExpectedVersion;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;
import org.rota.platform.web.QueryParameters;
import org.rota.platform.web.RepresentationCache;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Credentials")
// reads: every role; each write names its own
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER, Roles.CREDENTIALING, Roles.ADMIN})
public class CredentialResource {

    private static final int MAX_EXPIRY_HORIZON_DAYS = 3660;

    private final CredentialService credentials;
    private final ObjectMapper json;

    private final RepresentationCache cache;
    private final SecurityIdentity identity;
    private final HospitalCalendar calendar;

    CredentialResource(CredentialService credentials, ObjectMapper json, RepresentationCache cache,
            SecurityIdentity identity, HospitalCalendar calendar) {
        this.credentials = credentials;
        this.json = json;
        this.cache = cache;
        this.identity = identity;
        this.calendar = calendar;
    }

    @POST
    @RolesAllowed({Roles.CREDENTIALING, Roles.ADMIN})
    public Response grant(@HeaderParam(Actor.ON_BEHALF_OF) String onBehalfOf, @NotNull @Valid CredentialRequest body) {
        Credential credential = credentials.grant(body, Actor.of(identity, onBehalfOf));
        return withVersion(Response.created(URI.create("/credentials/" + credential.id)), credential);
    }

    /**
     * Credentials filtered by holder, procedure, status and level; {@code validOn} keeps those ACTIVE and valid on that
     * date (who may do procedure P on date D); {@code expiringWithinDays} keeps ACTIVE ones ending within N days.
     */
    @GET
    public Page<CredentialEvent> search(@QueryParam("clinicianId") String clinicianId,
            @QueryParam("procedureCode") String procedureCode, @QueryParam("validOn") String validOn,
            @QueryParam("expiringWithinDays") String expiringWithinDays, @QueryParam("status") String status,
            @QueryParam("level") String level, @QueryParam("page") String page, @QueryParam("size") String size) {
        LocalDate today = calendar.today();
        LocalDate expiringBy = expiryHorizon(today, QueryParameters.integer("expiringWithinDays", expiringWithinDays));
        var filter = new CredentialRepository.Filter(
                QueryParameters.uuid("clinicianId", clinicianId),
                procedureCode,
                QueryParameters.date("validOn", validOn),
                expiringBy == null ? null : today,
                expiringBy,
                QueryParameters.enumValue("status", status, CredentialStatus.class),
                QueryParameters.enumValue("level", level, CredentialLevel.class));
        return credentials.search(filter, PageRequest.of(page, size)).map(CredentialMapper::toEvent);
    }

    /** Served from memory when hot; see {@link RepresentationCache}. */
    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return cache.serve(EventTypes.key("credential", id), () -> CredentialMapper.toEvent(credentials.get(id)))
                .map(event -> Response.ok(event).tag(Long.toString(event.version())).build());
    }

    @PUT
    @RolesAllowed({Roles.CREDENTIALING, Roles.ADMIN})
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Actor.ON_BEHALF_OF) String onBehalfOf, @NotNull @Valid CredentialUpdateRequest body) {
        ExpectedVersion expected = ExpectedVersion.required(ifMatch, body.version());
        return withVersion(Response.ok(), credentials.update(id, body, expected, Actor.of(identity, onBehalfOf)));
    }

    @POST
    @RolesAllowed({Roles.CREDENTIALING, Roles.ADMIN})
    @Path("/{id}/suspend")
    @Consumes(MediaType.WILDCARD)
    public Response suspend(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Actor.ON_BEHALF_OF) String onBehalfOf, String body) throws JsonProcessingException {
        return transition(id, ifMatch, onBehalfOf, body, credentials::suspend);
    }

    @POST
    @RolesAllowed({Roles.CREDENTIALING, Roles.ADMIN})
    @Path("/{id}/reinstate")
    @Consumes(MediaType.WILDCARD)
    public Response reinstate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Actor.ON_BEHALF_OF) String onBehalfOf, String body) throws JsonProcessingException {
        return transition(id, ifMatch, onBehalfOf, body, credentials::reinstate);
    }

    @POST
    @RolesAllowed({Roles.CREDENTIALING, Roles.ADMIN})
    @Path("/{id}/revoke")
    @Consumes(MediaType.WILDCARD)
    public Response revoke(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Actor.ON_BEHALF_OF) String onBehalfOf, String body) throws JsonProcessingException {
        return transition(id, ifMatch, onBehalfOf, body, credentials::revoke);
    }

    /** Every change of the credential, oldest first, with who made it and the state after it. */
    @GET
    @Path("/{id}/history")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return credentials.history(id).stream().map(HistoryEntry::of).toList();
    }

    /** {@code effectiveFrom}: when a change of status takes effect (null for other changes). */
    public record HistoryEntry(long version, CredentialChange.Kind kind, String actor, String reason,
            Instant changedAt, Instant effectiveFrom, @JsonRawValue String state) {

        static HistoryEntry of(CredentialChange change) {
            return new HistoryEntry(change.version, change.kind, change.actor, change.reason, change.changedAt,
                    change.effectiveFrom, change.state);
        }
    }

    private static LocalDate expiryHorizon(LocalDate today, Integer days) {
        if (days == null) {
            return null;
        }
        if (days < 0 || days > MAX_EXPIRY_HORIZON_DAYS) {
            throw ProblemException.badRequest("expiringWithinDays",
                    "expiringWithinDays must be between 0 and " + MAX_EXPIRY_HORIZON_DAYS);
        }
        return today.plusDays(days);
    }

    /** A status change: suspend, reinstate or revoke. */
    @FunctionalInterface
    interface Transition {
        Credential apply(UUID id, StatusChangeRequest request, ExpectedVersion expected, String actor);
    }

    private Response transition(UUID id, String ifMatch, String onBehalfOf, String body, Transition transition)
            throws JsonProcessingException {
        StatusChangeRequest change = statusChange(body);
        return withVersion(Response.ok(),
                transition.apply(id, change, ExpectedVersion.of(ifMatch, change.version()),
                        Actor.of(identity, onBehalfOf)));
    }

    /** The body of a status change is optional: clients often send none, none with a content type, or {@code null}. */
    private StatusChangeRequest statusChange(String body) throws JsonProcessingException {
        StatusChangeRequest change = body == null || body.isBlank() ? null
                : json.readValue(body, StatusChangeRequest.class);
        return change == null ? StatusChangeRequest.NONE : change;
    }

    private static Response withVersion(Response.ResponseBuilder response, Credential credential) {
        return response.tag(Long.toString(credential.version)).entity(CredentialMapper.toEvent(credential)).build();
    }
}
