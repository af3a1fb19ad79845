package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.EventContracts;
import org.rota.solver.domain.KnownCredential;
import org.rota.solver.domain.KnownPreference;
import org.rota.platform.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A re-solve never rewrites what has happened: activities that have started keep their published assignees in every
 * later version, and within the freeze horizon (48 h) an assignee changes only when they can no longer serve, marked
 * urgent. The service's clock is put on Wednesday noon of the test department's week (it lies in the future).
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class TimeThatHasPassedTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    MovableClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void aMidWeekSuspensionLeavesTheEarlierEndedActivitiesAssignedAndReplansOnlyLaterOnes() {
        Department d = new Department();
        String ash = d.clinician("Dr Ash", 0, true);
        String ashCredential = d.credential(ash, "VAS", "EXPERT", "ACTIVE", 0);
        String monday = d.activity("VAS", d.at(0, 8), d.at(0, 12), 1);
        String tuesday = d.activity("VAS", d.at(1, 8), d.at(1, 12), 1);
        String saturday = d.activity("VAS", d.at(5, 8), d.at(5, 12), 1);
        long before = AllocationFlowTests.awaitAllocation(d, a -> assignees(a, monday).equals(List.of(ash))
                && assignees(a, tuesday).equals(List.of(ash)) && assignees(a, saturday).equals(List.of(ash)))
                .getLong("version");

        clock.set(d.at(2, 12));
        String birch = d.clinician("Dr Birch", 0, true);
        d.credential(birch, "VAS", "EXPERT", "ACTIVE", 0);
        d.suspended(ashCredential, ash, "VAS", "EXPERT", 1, d.at(2, 10));

        JsonPath after = AllocationFlowTests.awaitAllocation(d, a -> assignees(a, saturday).equals(List.of(birch)));
        assertThat(assignees(after, monday)).containsExactly(ash);
        assertThat(assignees(after, tuesday)).containsExactly(ash);
        assertThat(after.getList("diff.removed.activityId")).containsExactly(saturday);
        assertThat(after.getList("diff.added.urgent")).as("Saturday is beyond the freeze horizon")
                .allMatch(urgent -> urgent == null || Boolean.FALSE.equals(urgent));
        assertThat(versionsSince(d, before)).allSatisfy(version -> {
            assertThat(assignees(version, monday)).containsExactly(ash);
            assertThat(assignees(version, tuesday)).containsExactly(ash);
        });
    }

    @Test
    void anActivityThatHasStartedKeepsItsAssigneeEvenOnceTheyCanNoLongerServeAndTakesNoPin() {
        Department d = new Department();
        String ash = d.clinician("Dr Ash", 0, true);
        String ashCredential = d.credential(ash, "VAS", "EXPERT", "ACTIVE", 0);
        String running = d.activity("VAS", d.at(2, 10), d.at(2, 14), 1);
        String saturday = d.activity("VAS", d.at(5, 8), d.at(5, 12), 1);
        AllocationFlowTests.awaitAllocation(d, a -> assignees(a, running).equals(List.of(ash))
                && assignees(a, saturday).equals(List.of(ash)));

        clock.set(d.at(2, 12));
        String birch = d.clinician("Dr Birch", 0, true);
        d.credential(birch, "VAS", "EXPERT", "ACTIVE", 0);
        // suspended during the list that is under way: Ash no longer holds a valid credential over its whole time
        d.suspended(ashCredential, ash, "VAS", "EXPERT", 1, d.at(2, 11));

        JsonPath after = AllocationFlowTests.awaitAllocation(d, a -> assignees(a, saturday).equals(List.of(birch)));
        assertThat(assignees(after, running)).containsExactly(ash);
        assertThat(after.getList("unfilled")).isEmpty();
        given().contentType(ContentType.JSON).body(Map.of("activityId", running, "clinicianId", birch))
                .post("/pins").then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("ACTIVITY_STARTED")).body("field", equalTo("activityId"));
    }

    @Test
    void withinTheFreezeHorizonAnAssigneeWhoCanServeIsKeptAndOneWhoCannotIsReplacedAsAnUrgentChange() {
        Department d = new Department();
        String ash = d.clinician("Dr Ash", 0, true);
        String birch = d.clinician("Dr Birch", 0, true);
        d.credential(ash, "VAS", "QUALIFIED", "ACTIVE", 0);
        String thursday = d.activity("VAS", d.at(3, 8), d.at(3, 16), 1);
        String friday = d.activity(null, d.at(4, 6), d.at(4, 10), 1);
        // Ash alone may do the VAS list; fairness gives Friday's clinic to Birch
        AllocationFlowTests.awaitAllocation(d, a -> assignees(a, thursday).equals(List.of(ash))
                && assignees(a, friday).equals(List.of(birch)));
        String fridayReplacement = ash;
        String fridayAssignee = birch;

        clock.set(d.at(2, 12)); // both start within 48 h
        // were Thursday not frozen, all this would move it to Birch: an EXPERT now, who wants that day, which Ash
        // does not, and a fairer split of the hours
        String credential = d.credential(birch, "VAS", "EXPERT", "ACTIVE", 0);
        List<String> preferences = List.of(d.undesiredDay(ash, 3), d.desiredDay(birch, 3));
        // all of it in the read model (and so in every later solve) before Birch's absence forces the change
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(
                () -> em.find(KnownCredential.class, UUID.fromString(credential)) != null
                        && preferences.stream().allMatch(p -> em.find(KnownPreference.class, UUID.fromString(p)) != null)));
        d.absence(birch, d.at(4, 0), d.at(4, 12));

        JsonPath after = AllocationFlowTests.awaitAllocation(d,
                a -> assignees(a, friday).equals(List.of(fridayReplacement)));
        assertThat(assignees(after, thursday)).containsExactly(ash);
        assertThat(after.getList("assignments.findAll { it.activityId == '" + friday + "' }.urgent"))
                .containsExactly(true);
        assertThat(after.getList("assignments.findAll { it.activityId == '" + thursday + "' }.urgent"))
                .containsExactly((Object) null);
        assertThat(after.getList("diff.added.clinicianId")).containsExactly(fridayReplacement);
        assertThat(after.getList("diff.added.urgent")).containsExactly(true);
        assertThat(after.getList("diff.removed.clinicianId")).containsExactly(fridayAssignee);
        assertThat(after.getList("diff.removed.urgent")).containsExactly(true);

        JsonPath range = given().queryParam("from", d.monday.toString())
                .queryParam("to", d.monday.plusDays(7).toString()).queryParam("department", d.code)
                .get("/allocations").then().statusCode(200).extract().jsonPath();
        assertThat(range.getList("assignments.findAll { it.activityId == '" + friday + "' }.urgent"))
                .containsExactly(true);
        JsonPath mine = given().queryParam("from", d.monday.toString())
                .queryParam("to", d.monday.plusDays(7).toString())
                .get("/allocations/clinicians/{id}", fridayReplacement).then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("findAll { it.activityId == '" + friday + "' }.urgent")).containsExactly(true);
        JsonPath activity = given().get("/allocations/activities/{id}", friday).then().statusCode(200)
                .extract().jsonPath();
        assertThat(activity.getList("assignments.urgent")).containsExactly(true);
    }

    private static List<String> assignees(JsonPath allocation, String activityId) {
        return allocation.getList("assignments.findAll { it.activityId == '" + activityId + "' }.clinicianId");
    }

    /** Every version of the window published after {@code version}, each checked against the contract. */
    private static List<JsonPath> versionsSince(Department d, long version) {
        Predicate<ConsumerRecord<String, String>> ofWindow = r -> r.key().equals("allocation/" + d.windowId());
        List<ConsumerRecord<String, String>> records = d.kafka.awaitUntil(Topics.ALLOCATIONS, ofWindow,
                found -> !found.isEmpty(), PATIENCE);
        records.forEach(r -> EventContracts.assertConforms(EventTypes.ALLOCATION, r.value()));
        List<JsonPath> later = records.stream().map(r -> JsonPath.from(r.value()))
                .filter(a -> a.getLong("version") > version).toList();
        assertThat(later).isNotEmpty();
        return later;
    }
}
