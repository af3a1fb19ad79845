package org.rota.web.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rota.events.ActivityEvent;
import org.rota.events.ClinicianEvent;
import org.rota.web.client.RotaServices;
import org.rota.web.config.WebConfig;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** A clinician's page, linked from their row of the grid: the next weeks' lists, credentials, absences. */
@Path("/clinicians/{id}")
@RolesAllowed({"viewer", "scheduler", "credentialing", "admin"})
public class ClinicianResource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance clinician(ClinicianPage page);
    }

    private final RotaServices services;
    private final WebConfig config;
    private final SecurityIdentity identity;

    ClinicianResource(RotaServices services, WebConfig config, SecurityIdentity identity) {
        this.services = services;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> show(@PathParam("id") String idText) {
        UUID id;
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            throw new NotFound("Clinician", "There is no clinician " + idText + ".");
        }
        LocalDate today = LocalDate.now(config.zone());
        LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate to = from.plusWeeks(config.maxWeeks());
        Viewer viewer = Viewer.of(identity);
        return services.clinician(id).flatMap(found -> {
            ClinicianEvent clinician = found
                    .orElseThrow(() -> new NotFound("Clinician", "There is no clinician " + id + "."));
            var start = from.atStartOfDay(config.zone()).toInstant();
            var end = to.atStartOfDay(config.zone()).toInstant();
            List<Uni<List<ActivityEvent>>> departments = clinician.departments().stream()
                    .map(department -> services.activities(department, start, end)).toList();
            Uni<List<ActivityEvent>> activities = departments.isEmpty() ? Uni.createFrom().item(List.of())
                    : Uni.join().all(departments).andFailFast()
                            .map(lists -> lists.stream().flatMap(List::stream).toList());
            return Uni.combine().all().unis(services.assignmentsOf(id, from, to), services.credentialsOf(id),
                    services.absencesOf(id, start, end), activities).asTuple().map(parts -> {
                        Map<UUID, ActivityEvent> byId = new HashMap<>();
                        parts.getItem4().forEach(a -> byId.put(a.id(), a));
                        List<ClinicianPage.Line> lines = new ArrayList<>();
                        parts.getItem1().stream().sorted(Comparator.comparing(a -> a.start())).forEach(a -> {
                            ActivityEvent activity = byId.get(a.activityId());
                            lines.add(new ClinicianPage.Line(a.activityId(),
                                    activity == null ? null : activity.department(),
                                    DAY.format(a.start().atZone(config.zone())),
                                    TIME.format(a.start().atZone(config.zone())) + "–"
                                            + TIME.format(a.end().atZone(config.zone())),
                                    activity == null ? "Activity" : activity.title(), a.procedureCode(),
                                    a.seat() == null ? null : a.seat().name(),
                                    a.level() == null ? null : a.level().name()));
                        });
                        List<ClinicianPage.CredentialLine> credentials = parts.getItem2().stream()
                                .sorted(Comparator.comparing(c -> c.procedureCode()))
                                .map(c -> new ClinicianPage.CredentialLine(c.procedureCode(), c.level().name(),
                                        c.status().name(), c.validFrom(), c.validUntil(), c.validUntil() == null
                                                ? null : ChronoUnit.DAYS.between(today, c.validUntil())))
                                .toList();
                        List<ClinicianPage.AbsenceLine> absences = parts.getItem3().stream()
                                .filter(a -> !a.deleted())
                                .map(a -> new ClinicianPage.AbsenceLine(MOMENT.format(a.from().atZone(config.zone())),
                                        MOMENT.format(a.until().atZone(config.zone())), a.reason()))
                                .toList();
                        return Templates.clinician(new ClinicianPage(clinician, from, to, lines, credentials,
                                absences, viewer));
                    });
        });
    }
}
