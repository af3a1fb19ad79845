package org.rota.web;

import static io.restassured.RestAssured.given;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rota.events.ActivityEvent;
import org.rota.events.ActivityStatus;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AllocationEvent.UnfilledEntry;
import org.rota.events.ClinicianEvent;
import org.rota.events.CredentialLevel;
import org.rota.web.client.RotaServices;
import org.rota.web.client.SolverViews.RangeAllocation;
import org.rota.web.client.SolverViews.WindowVersion;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;

/**
 * A benchmark, not a test (its name keeps it out of the suite): the server-side render time of a 4-week grid of a
 * 200-clinician department (2,000 activities, 3,000 seats, as design.md's solver instance), the services answered at
 * once by a mock, and the page's size on the wire. Run: {@code ./mvnw -pl web verify -Dtest=GridRenderBench}.
 */
@QuarkusTest
class GridRenderBench {

    private static final int CLINICIANS = 200;
    private static final int ACTIVITIES = 2_000;
    private static final int WARM_UP = 30;
    private static final int RUNS = 200;

    @InjectMock
    RotaServices services;

    @Test
    @TestSecurity(user = "scheduler", roles = "scheduler")
    void renderAFourWeekGridOfTwoHundredClinicians() {
        Random random = new Random(7);
        List<ClinicianEvent> clinicians = new ArrayList<>();
        for (int i = 0; i < CLINICIANS; i++) {
            clinicians.add(new ClinicianEvent(UUID.randomUUID(), "HR-" + i, "Clinician " + i, "FACULTY",
                    List.of("BENCH"), BigDecimal.ONE, null, true, 1, Instant.now()));
        }
        List<ActivityEvent> activities = new ArrayList<>();
        List<AssignmentEntry> assignments = new ArrayList<>();
        List<UnfilledEntry> unfilled = new ArrayList<>();
        for (int i = 0; i < ACTIVITIES; i++) {
            int day = random.nextInt(28);
            int hour = new int[] {8, 13, 18}[random.nextInt(3)];
            Instant start = Demo.MONDAY.plusDays(day).atTime(hour, 0).atZone(Demo.ZONE).toInstant();
            Instant end = start.plusSeconds(4 * 3600);
            String procedure = "P" + random.nextInt(20);
            UUID id = UUID.randomUUID();
            activities.add(new ActivityEvent(id, "EXT-" + i, "BENCH", "List " + i, start, end, "Theatre "
                    + random.nextInt(8), procedure, 1 + i % 2, CredentialLevel.QUALIFIED, ActivityStatus.SCHEDULED, 1,
                    Instant.now()));
            for (int seat = 0; seat < 1 + i % 2; seat++) {
                if (random.nextInt(20) == 0) {
                    unfilled.add(new UnfilledEntry(id, 1, "ALL_ELIGIBLE_BUSY", CredentialLevel.QUALIFIED, false,
                            procedure, start, end));
                } else {
                    assignments.add(new AssignmentEntry(id, clinicians.get(random.nextInt(CLINICIANS)).id(),
                            CredentialLevel.EXPERT, CredentialLevel.QUALIFIED, procedure, start, end));
                }
            }
        }
        RangeAllocation allocation = new RangeAllocation(Demo.MONDAY, Demo.MONDAY.plusWeeks(4),
                List.of(new WindowVersion("BENCH/" + Demo.MONDAY, 1, Instant.now(), "OPTIMAL")), assignments,
                unfilled);
        when(services.allClinicians()).thenReturn(Uni.createFrom().item(clinicians));
        when(services.clinicians(anyString())).thenReturn(Uni.createFrom().item(clinicians));
        when(services.activities(anyString(), any(), any())).thenReturn(Uni.createFrom().item(activities));
        when(services.allocation(anyString(), any(LocalDate.class), any(LocalDate.class)))
                .thenReturn(Uni.createFrom().item(allocation));

        String path = "/rota/BENCH/" + Demo.MONDAY + "?weeks=4";
        for (int i = 0; i < WARM_UP; i++) {
            given().get(path).then().statusCode(200);
        }
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            given().get(path).then().statusCode(200);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        Response plain = given().header("Accept-Encoding", "identity").get(path);
        int compressed = onTheWire(path);
        System.out.printf("GridRenderBench: %d clinicians, %d activities, %d assignments, 4 weeks: render p50 %d ms,"
                + " p99 %d ms, max %d ms over %d warm requests; page %d bytes, gzip %d bytes on the wire%n",
                CLINICIANS, ACTIVITIES, assignments.size(), millis[RUNS / 2], millis[RUNS * 99 / 100],
                millis[RUNS - 1], RUNS, plain.asByteArray().length, compressed);
    }

    /** The response body as sent with gzip accepted (rest-assured would decompress it). */
    private static int onTheWire(String path) {
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + path))
                            .header("Accept-Encoding", "gzip").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (!"gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
                throw new IllegalStateException("not compressed: " + response.statusCode());
            }
            return response.body().length;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
