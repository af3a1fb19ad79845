package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rota.solver.repository.ReadModelRepository;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Schedulers steer the solver with pins and ask for solves; every solve is in the history. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class PinAndSolveTests {

    @Inject
    ReadModelRepository readModel;

    @Test
    void aPinnedClinicianIsKeptEvenWhenAnExpertWouldBePreferred() {
        Department d = new Department();
        String expert = d.clinician("Dr Expert", 0, true);
        String qualified = d.clinician("Dr Qualified", 0, true);
        d.credential(expert, "VAS", "EXPERT", "ACTIVE", 0);
        d.credential(qualified, "VAS", "QUALIFIED", "ACTIVE", 0);
        String activity = d.activity("VAS", d.at(0, 8), d.at(0, 12), 1);
        JsonPath first = AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 1);
        assertThat(first.getString("assignments[0].clinicianId")).isEqualTo(expert);

        String pin = given().contentType(ContentType.JSON)
                .body(Map.of("activityId", activity, "clinicianId", qualified, "reason", "teaching list"))
                .post("/pins").then().statusCode(201).extract().path("id");

        JsonPath pinned = AllocationFlowTests.awaitAllocation(d, a -> a.getLong("version") > first.getLong("version"));
        assertThat(pinned.getString("assignments[0].clinicianId")).isEqualTo(qualified);
        given().queryParam("activityId", activity).get("/pins").then().body("id", hasItem(pin));

        // without the pin, stability (changing costs more than a qualified operator) keeps the clinician in place
        given().delete("/pins/{id}", pin).then().statusCode(204);
        given().queryParam("activityId", activity).get("/pins").then().body("size()", equalTo(0));
    }

    @Test
    void aPinThatWouldBreakTheMinimumRestIsRefusedWith409NamingTheRule() {
        Department d = new Department();
        String clinician = d.clinician("Dr Pinned", 0, true);
        d.awaitClinicians(readModel, 1);
        String day = d.activity(null, d.at(0, 8), d.at(0, 14), 1);
        String night = d.activity(null, d.at(0, 20), d.at(1, 2), 1);
        AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size()
                + a.getList("unfilled").size() == 2);
        given().contentType(ContentType.JSON).body(Map.of("activityId", day, "clinicianId", clinician))
                .post("/pins").then().statusCode(201);

        // 6 h after the day list, and 08:00 to 02:00 would be an 18 h duty period
        given().contentType(ContentType.JSON).body(Map.of("activityId", night, "clinicianId", clinician))
                .post("/pins")
                .then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("REST")).body("field", equalTo("clinicianId"));
        given().queryParam("activityId", night).get("/pins").then().body("size()", equalTo(0));
    }

    @Test
    void aPinBeatsAnAutomaticAssignmentInAnotherDepartment() {
        Department surgery = new Department();
        Department clinic = new Department();
        String shared = surgery.clinicianAlsoIn(clinic, "Dr Shared", 2400);
        String clinicSession = clinic.activity(null, clinic.at(0, 9), clinic.at(0, 13), 1);
        AllocationFlowTests.awaitAllocation(clinic, a -> shared.equals(
                a.getString("assignments.find { it.activityId == '" + clinicSession + "' }.clinicianId")));
        String list = surgery.activity(null, surgery.at(0, 10), surgery.at(0, 12), 1);
        AllocationFlowTests.awaitAllocation(surgery, a -> "ALL_ELIGIBLE_BUSY".equals(
                a.getString("unfilled.find { it.activityId == '" + list + "' }.reason")));

        given().contentType(ContentType.JSON).body(Map.of("activityId", list, "clinicianId", shared))
                .post("/pins").then().statusCode(201);

        AllocationFlowTests.awaitAllocation(surgery, a -> shared.equals(
                a.getString("assignments.find { it.activityId == '" + list + "' }.clinicianId")));
        AllocationFlowTests.awaitAllocation(clinic, a -> a.getList("assignments").isEmpty()
                && "ALL_ELIGIBLE_BUSY".equals(a.getString("unfilled.find { it.activityId == '" + clinicSession
                        + "' }.reason")));
    }

    @Test
    void pinsNeedKnownActivitiesAndClinicians() {
        given().contentType(ContentType.JSON)
                .body(Map.of("activityId", UUID.randomUUID().toString(), "clinicianId", UUID.randomUUID().toString()))
                .post("/pins")
                .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("activityId"));
        given().delete("/pins/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aRequestedSolveRunsAndIsRecordedInTheHistory() {
        Department d = new Department();
        String clinician = d.clinician("Dr Requested", 0, true);
        d.activity(null, d.at(3, 9), d.at(3, 12), 1);
        AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 1);

        given().contentType(ContentType.JSON)
                .body(Map.of("from", d.monday.toString(), "to", d.monday.plusDays(7).toString(), "department", d.code))
                .post("/solves")
                .then().statusCode(202).body("windows", hasItem(d.windowId()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("windowId", d.windowId()).get("/solves")
                .then().body("items.trigger", hasItem("REQUEST")));
        String runId = given().queryParam("windowId", d.windowId()).get("/solves").then()
                .extract().path("items.find { it.trigger == 'REQUEST' }.id");
        given().get("/solves/{id}", runId)
                .then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED"))
                .body("solverStatus", equalTo("OPTIMAL"))
                .body("assignments", equalTo(1));
        assertThat(clinician).isNotNull();
    }

    @Test
    void badRangesAreBadRequests() {
        given().contentType(ContentType.JSON).body(Map.of("from", "2026-12-07", "to", "2026-12-01"))
                .post("/solves").then().statusCode(400).body("field", equalTo("to"));
        given().queryParam("from", "yesterday").queryParam("to", "2026-12-01").get("/allocations")
                .then().statusCode(400).body("field", equalTo("from"));
    }
}
