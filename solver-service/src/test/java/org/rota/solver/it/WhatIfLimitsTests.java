package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rota.solver.config.WhatIfConfig;
import org.rota.solver.service.WhatIfExecutor;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** POST /what-if refuses what it would not finish in bounds, and sheds load with 429 instead of queueing it. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class WhatIfLimitsTests {

    @Inject
    WhatIfConfig limits;

    @Inject
    WhatIfExecutor executor;

    @Test
    void aTimeLimitOverTheMaximumIsABadRequestNamingIt() {
        refused("{\"options\":{\"timeLimitSeconds\":" + (limits.maxTimeLimitSeconds() + 1) + "}}",
                "options.timeLimitSeconds");
    }

    @Test
    void moreWorkersThanTheServiceHasCoresIsABadRequestNamingIt() {
        refused("{\"options\":{\"workers\":" + (Runtime.getRuntime().availableProcessors() + 1) + "}}",
                "options.workers");
    }

    @Test
    void moreActivitiesThanAllowedIsABadRequestNamingThem() {
        List<String> activities = new ArrayList<>();
        for (int i = 0; i <= limits.maxActivities(); i++) {
            activities.add(activity("a" + i, "2026-12-07T08:00:00Z", "2026-12-07T09:00:00Z", null));
        }
        refused("{\"activities\":[" + String.join(",", activities) + "]}", "activities");
    }

    @Test
    void moreCliniciansThanAllowedIsABadRequestNamingThem() {
        List<String> clinicians = new ArrayList<>();
        for (int i = 0; i <= limits.maxClinicians(); i++) {
            clinicians.add("{\"id\":\"c" + i + "\"}");
        }
        refused("{\"clinicians\":[" + String.join(",", clinicians) + "]}", "clinicians");
    }

    /** Few activities and clinicians, but every clinician could staff every activity: the model would be too big. */
    @Test
    void moreCandidatePairsThanAllowedIsABadRequest() {
        int clinicians = limits.maxClinicians();
        int activities = (int) (limits.maxCandidatePairs() / clinicians) + 1;
        List<String> cs = new ArrayList<>();
        for (int i = 0; i < clinicians; i++) {
            cs.add("{\"id\":\"c" + i + "\"}");
        }
        List<String> as = new ArrayList<>();
        for (int i = 0; i < activities; i++) {
            as.add(activity("a" + i, "2026-12-07T08:00:00Z", "2026-12-07T09:00:00Z", null));
        }
        refused("{\"clinicians\":[" + String.join(",", cs) + "],\"activities\":[" + String.join(",", as) + "]}",
                "activities");
    }

    @Test
    void activitiesSpanningMoreThanTheHorizonAreABadRequest() {
        refused("{\"activities\":[" + activity("a1", "2026-01-01T08:00:00Z", "2026-01-01T09:00:00Z", null) + ","
                + activity("a2", "2029-01-01T08:00:00Z", "2029-01-01T09:00:00Z", null) + "]}", "activities[].end");
    }

    @Test
    void tooManyCliniciansForOneActivityIsABadRequestNamingIt() {
        refused("{\"activities\":[" + activity("a1", "2026-12-07T08:00:00Z", "2026-12-07T09:00:00Z",
                limits.maxRequiredClinicians() + 1) + "]}", "activities[].requiredClinicians");
    }

    @Test
    void seatGroupsCountTogetherAgainstTheLimitOfCliniciansPerActivity() {
        int half = limits.maxRequiredClinicians() / 2 + 1;
        refused("{\"activities\":[{\"id\":\"a1\",\"start\":\"2026-12-07T08:00:00Z\",\"end\":\"2026-12-07T09:00:00Z\","
                + "\"seats\":[{\"minimumLevel\":\"QUALIFIED\",\"count\":" + half + "},"
                + "{\"minimumLevel\":\"TRAINEE\",\"count\":" + half + ",\"optional\":true}]}]}", "activities[].seats");
    }

    @Test
    void whenEveryWhatIfSolverIsBusyAndTheQueueFullTheAnswerIs429WithRetryAfter() throws Exception {
        // a solve answered a moment ago may still hold its thread
        await().atMost(Duration.ofSeconds(30)).until(() -> executor.pending() == 0);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(limits.concurrency());
        try {
            // every thread takes its task off the queue before the queue is filled
            for (int i = 0; i < limits.concurrency(); i++) {
                executor.submit(() -> {
                    running.countDown();
                    waitFor(release);
                    return null;
                });
            }
            running.await(30, TimeUnit.SECONDS);
            for (int i = 0; i < limits.queue(); i++) {
                executor.submit(() -> {
                    waitFor(release);
                    return null;
                });
            }
            given().contentType(ContentType.JSON).body("{}").post("/what-if")
                    .then().log().ifValidationFails().statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo(Long.toString(limits.retryAfter().toSeconds())))
                    .body("status", equalTo(429));
        } finally {
            release.countDown();
        }
        // the slots free up again: the next what-if is solved
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().contentType(ContentType.JSON).body("{}").post("/what-if")
                        .then().statusCode(200).body("status", notNullValue()));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String activity(String id, String start, String end, Integer required) {
        return "{\"id\":\"" + id + "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\""
                + (required == null ? "" : ",\"requiredClinicians\":" + required) + "}";
    }

    private static ValidatableResponse refused(String problem, String field) {
        return given().contentType(ContentType.JSON).body(problem).post("/what-if")
                .then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
    }
}
