package org.rota.web.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rota.web.client.PinRefused;
import org.rota.web.client.RotaServices;
import org.rota.web.client.SolverViews.ActivityAllocation;
import org.rota.web.config.WebConfig;
import org.rota.web.live.AllocationHistory;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * An activity's panel, opened from the grid (htmx swaps it in beside the grid) or on its own URL; pins added and
 * removed from it by schedulers. A refused pin shows its rule in the panel and leaves the grid as it was.
 */
@Path("/activities/{id}")
@Produces(MediaType.TEXT_HTML)
public class ActivityResource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(ActivityPanel panel);

        static native TemplateInstance activity$panel(ActivityPanel panel);
    }

    private final RotaServices services;
    private final AllocationHistory history;
    private final WebConfig config;
    private final SecurityIdentity identity;

    ActivityResource(RotaServices services, AllocationHistory history, WebConfig config, SecurityIdentity identity) {
        this.services = services;
        this.history = history;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"viewer", "scheduler", "credentialing", "admin"})
    public Uni<TemplateInstance> show(@PathParam("id") String id, @HeaderParam("HX-Request") String htmx) {
        return panel(activityId(id), null, null).map(panel -> htmx == null ? Templates.activity(panel)
                : Templates.activity$panel(panel));
    }

    /** Pins a clinician; htmx's form post. */
    @POST
    @Path("pins")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"scheduler", "admin"})
    public Uni<TemplateInstance> pin(@PathParam("id") String id, @FormParam("clinicianId") String clinicianId,
            @FormParam("clinicianName") String clinicianName) {
        UUID activity = activityId(id);
        UUID clinician = uuid(clinicianId, "Clinician");
        return services.pin(activity, clinician)
                .flatMap(pin -> panel(activity, null, "Pinned " + clinicianName
                        + ". The solver re-plans the week; the grid follows when it publishes."))
                .onFailure(PinRefused.class).recoverWithUni(failure -> {
                    PinRefused refused = (PinRefused) failure;
                    return panel(activity, new ActivityPanel.Refusal(clinicianName, refused.rule(),
                            refused.getMessage()), null);
                })
                .map(Templates::activity$panel);
    }

    @DELETE
    @Path("pins/{pinId}")
    @RolesAllowed({"scheduler", "admin"})
    public Uni<TemplateInstance> unpin(@PathParam("id") String id, @PathParam("pinId") String pinId) {
        UUID activity = activityId(id);
        return services.unpin(uuid(pinId, "Pin"))
                .flatMap(done -> panel(activity, null, "Pin removed. The solver re-plans the week."))
                .map(Templates::activity$panel);
    }

    private Uni<ActivityPanel> panel(UUID id, ActivityPanel.Refusal refusal, String notice) {
        Viewer viewer = Viewer.of(identity);
        return services.explanation(id).flatMap(found -> {
            ActivityAllocation activity = found
                    .orElseThrow(() -> new NotFound("Activity", "There is no activity " + id + "."));
            return Uni.combine().all().unis(services.pins(id), services.solves(activity.windowId(), 10)).asTuple()
                    .map(parts -> ActivityPanel.of(activity, when(activity), monday(activity), parts.getItem1(),
                            history.of(activity.windowId(), id), parts.getItem2(), viewer, refusal, notice,
                            config.zone()));
        });
    }

    private String when(ActivityAllocation activity) {
        return WHEN.format(activity.start().atZone(config.zone())) + "–"
                + UNTIL.format(activity.end().atZone(config.zone()));
    }

    private LocalDate monday(ActivityAllocation activity) {
        return activity.start().atZone(config.zone()).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static UUID activityId(String text) {
        return uuid(text, "Activity");
    }

    private static UUID uuid(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound(what, "There is no " + what.toLowerCase() + " " + text + ".");
        }
    }
}
