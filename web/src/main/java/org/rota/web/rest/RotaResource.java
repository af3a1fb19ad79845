package org.rota.web.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.jboss.resteasy.reactive.RestStreamElementType;
import org.rota.web.client.RotaServices;
import org.rota.web.config.WebConfig;
import org.rota.web.grid.GridFilter;
import org.rota.web.grid.WeekGrid;
import org.rota.web.grid.WeekGridBuilder;
import org.rota.web.live.AllocationFeed;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The week grid of a department, its list layout, its filters and its live updates. */
@Path("/")
@RolesAllowed({"viewer", "scheduler", "credentialing", "admin"})
public class RotaResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance week(WeekView view);

        static native TemplateInstance week$grid(WeekView view);
    }

    private final RotaServices services;
    private final Departments departments;
    private final AllocationFeed feed;
    private final WebConfig config;
    private final WeekGridBuilder builder;
    private final SecurityIdentity identity;

    RotaResource(RotaServices services, Departments departments, AllocationFeed feed, WebConfig config,
            SecurityIdentity identity) {
        this.services = services;
        this.departments = departments;
        this.feed = feed;
        this.config = config;
        this.builder = new WeekGridBuilder(config.zone());
        this.identity = identity;
    }

    /** The first department's current week. */
    @GET
    public Uni<Response> home() {
        return departments.all().map(codes -> {
            if (codes.isEmpty()) {
                throw new NotFound("Department", "No department has clinicians yet.");
            }
            return Response.seeOther(URI.create("/rota/" + WeekView.encode(codes.get(0)) + "/" + thisMonday()))
                    .build();
        });
    }

    /** The filter form's target (a GET form cannot build a path): the canonical, bookmarkable URL of its choice. */
    @GET
    @Path("rota")
    public Response choose(@QueryParam("department") String department, @QueryParam("date") String date,
            @QueryParam("weeks") String weeks, @QueryParam("procedure") String procedure,
            @QueryParam("clinician") String clinician, @QueryParam("layout") String layout) {
        if (department == null || department.isBlank()) {
            throw new NotFound("Department", "Choose a department.");
        }
        LocalDate monday = date == null || date.isBlank() ? thisMonday()
                : parseDate(date).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        StringBuilder query = new StringBuilder();
        appendParameter(query, "weeks", weeks == null || weeks.equals("1") ? null : weeks);
        appendParameter(query, "procedure", procedure);
        appendParameter(query, "clinician", clinician);
        appendParameter(query, "layout", "list".equals(layout) ? layout : null);
        return Response.seeOther(URI.create("/rota/" + WeekView.encode(department.trim()) + "/" + monday + query))
                .build();
    }

    @GET
    @Path("rota/{department}/{monday}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> week(@PathParam("department") String department, @PathParam("monday") String monday,
            @QueryParam("weeks") String weeks, @QueryParam("procedure") String procedure,
            @QueryParam("clinician") String clinician, @QueryParam("layout") String layout) {
        return view(department, monday, weeks, procedure, clinician, layout).map(Templates::week);
    }

    /** The grid alone, for the live update's swap. */
    @GET
    @Path("rota/{department}/{monday}/grid")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> grid(@PathParam("department") String department, @PathParam("monday") String monday,
            @QueryParam("weeks") String weeks, @QueryParam("procedure") String procedure,
            @QueryParam("clinician") String clinician, @QueryParam("layout") String layout) {
        return view(department, monday, weeks, procedure, clinician, layout).map(Templates::week$grid);
    }

    /**
     * Server-sent events {@code allocation} when one of the shown weeks gets a new allocation version; the data is
     * the changed activities' ids, space-separated, for the page to highlight.
     */
    @GET
    @Path("rota/{department}/{monday}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<OutboundSseEvent> events(@PathParam("department") String department,
            @PathParam("monday") String monday, @QueryParam("weeks") String weeks, Sse sse) {
        LocalDate first = monday(monday);
        int count = weeks(weeks);
        Set<String> windows = IntStream.range(0, count).mapToObj(i -> department + "/" + first.plusWeeks(i))
                .collect(Collectors.toSet());
        return feed.stream().filter(published -> windows.contains(published.windowId()))
                .map(published -> sse.newEventBuilder().name("allocation").id(published.windowId() + "@"
                        + published.version()).data(published.changedActivities().stream().map(UUID::toString)
                                .collect(Collectors.joining(" "))).build());
    }

    private Uni<WeekView> view(String department, String mondayText, String weeksText, String procedure,
            String clinicianText, String layout) {
        LocalDate monday = monday(mondayText);
        int weeks = weeks(weeksText);
        String procedureCode = blankToNull(procedure);
        String clinician = blankToNull(clinicianText);
        GridFilter filter = new GridFilter(procedureCode, clinician == null ? null : clinicianId(clinician));
        LocalDate end = WeekGridBuilder.end(monday, weeks);
        Uni<List<String>> knownDepartments = departments.all();
        Uni<List<org.rota.events.ClinicianEvent>> clinicians = services.clinicians(department);
        Uni<List<org.rota.events.ActivityEvent>> activities = services.activities(department,
                monday.atStartOfDay(config.zone()).toInstant(), end.atStartOfDay(config.zone()).toInstant());
        var allocation = services.allocation(department, monday, end);
        Viewer viewer = Viewer.of(identity);
        return Uni.combine().all().unis(knownDepartments, clinicians, activities, allocation).asTuple().map(parts -> {
            List<String> known = parts.getItem1();
            boolean exists = known.contains(department) || !parts.getItem2().isEmpty() || !parts.getItem3().isEmpty();
            if (!exists) {
                throw new NotFound("Department", "There is no department " + department + ".",
                        "Departments: " + String.join(", ", known), "/");
            }
            if (!known.contains(department)) {
                // newer than the cached list of departments
                known = java.util.stream.Stream.concat(known.stream(), java.util.stream.Stream.of(department))
                        .sorted().toList();
            }
            WeekGrid grid = builder.build(department, monday, weeks, filter, parts.getItem2(), parts.getItem3(),
                    parts.getItem4());
            return new WeekView(grid, known, "list".equals(layout) ? "list" : "grid", procedureCode,
                    clinician, viewer);
        });
    }

    private LocalDate monday(String text) {
        LocalDate date = parseDate(text);
        if (!WeekGridBuilder.isMonday(date)) {
            LocalDate monday = date.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            throw new NotFound("Week", date + " is not a Monday: a week is named by its Monday.",
                    "The week of " + date + " starts on " + monday, null);
        }
        return date;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new NotFound("Week", "There is no week " + text + ": name it by its Monday, e.g. 2026-12-07.");
        }
    }

    private int weeks(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            int weeks = Integer.parseInt(text);
            if (weeks >= 1 && weeks <= config.maxWeeks()) {
                return weeks;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new NotFound("Weeks", "A grid shows 1 to " + config.maxWeeks() + " weeks, not " + text + ".");
    }

    private static UUID clinicianId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFound("Clinician", "There is no clinician " + text + ".");
        }
    }

    private LocalDate thisMonday() {
        return LocalDate.now(config.zone()).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void appendParameter(StringBuilder query, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(WeekView.encode(value.trim()));
    }
}
