package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.net.URL;

import org.junit.jupiter.api.Test;
import org.rota.solver.service.FailingCoreSolver;
import org.rota.solver.service.FaultyProblemBuilder;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;

/**
 * A solve that fails never replaces the published allocation: a database blip while reading its input, a solver
 * that throws (both retried until a solve succeeds), or one that ends without a solution (recorded, not retried).
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class FailedSolveTests {

    @TestHTTPResource(value = "/", management = true)
    URL managementInterface;

    /** Health and metrics: the management interface, no token. */
    private RequestSpecification management() {
        return given().port(managementInterface.getPort());
    }

    @Test
    void aSolveThatFailsOnceIsSolvedAgainAndPublished() {
        Department d = new Department();
        FaultyProblemBuilder.failNextBuildOf(d.windowId());
        String clinician = d.clinician("Dr Only", 0, true);
        String clinic = d.activity(null, d.at(1, 9), d.at(1, 13), 1);

        JsonPath allocation = AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 1);

        assertThat(allocation.getString("assignments[0].activityId")).isEqualTo(clinic);
        assertThat(allocation.getString("assignments[0].clinicianId")).isEqualTo(clinician);
        List<String> outcomes = await().atMost(Duration.ofSeconds(30)).until(() -> outcomesOldestFirst(d),
                found -> found.contains("PUBLISHED"));
        assertThat(outcomes.get(0)).isEqualTo("FAILED");
        assertThat(outcomes).containsSubsequence("FAILED", "PUBLISHED");
        assertThat(given().queryParam("windowId", d.windowId()).get("/solves").jsonPath()
                .getString("items.find { it.outcome == 'FAILED' }.detail")).contains("connection to the database");
    }

    @Test
    void aSolveThatEndsInfeasibleKeepsThePreviousAllocationAndIsInTheHistoryWithItsReason() {
        Department d = new Department();
        String clinician = d.clinician("Dr Kept", 0, true);
        String clinic = d.activity(null, d.at(1, 9), d.at(1, 13), 1);
        JsonPath published = AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 1);

        String next = UUID.randomUUID().toString();
        FailingCoreSolver.answerInfeasibleOnceFor(next);
        d.activity(next, null, d.at(2, 9), d.at(2, 13), 1, "SCHEDULED", 0);

        String detail = await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("windowId", d.windowId())
                .get("/solves").jsonPath().getString("items.find { it.outcome == 'REFUSED' }.detail"),
                found -> found != null);
        assertThat(detail).contains("INFEASIBLE").contains("v" + published.getLong("version") + " stands");
        assertCurrentAllocation(d, published.getLong("version"), clinic, clinician);
        assertThat(failedSolves("INFEASIBLE")).isPositive();
    }

    @Test
    void aSolveThatThrowsKeepsThePreviousAllocationUntilASolveSucceeds() {
        Department d = new Department();
        String clinician = d.clinician("Dr Kept", 0, true);
        String clinic = d.activity(null, d.at(1, 9), d.at(1, 13), 1);
        JsonPath published = AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 1);

        String next = UUID.randomUUID().toString();
        FailingCoreSolver.throwWhileSolving(next);
        try {
            d.activity(next, null, d.at(2, 9), d.at(2, 13), 1, "SCHEDULED", 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("windowId", d.windowId())
                    .get("/solves").jsonPath().getString("items.find { it.outcome == 'FAILED' }.detail"),
                    found -> found != null && found.contains("Simulated: the solver crashed"));
            assertCurrentAllocation(d, published.getLong("version"), clinic, clinician);
            assertThat(failedSolves("EXCEPTION")).isPositive();
        } finally {
            FailingCoreSolver.stopThrowing(next);
        }

        JsonPath after = AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 2);
        assertThat(after.getLong("version")).isEqualTo(published.getLong("version") + 1);
    }

    /** The current allocation of the window is still this version, with this assignment. */
    private static void assertCurrentAllocation(Department d, long version, String activity, String clinician) {
        JsonPath current = given().queryParam("from", d.monday.toString())
                .queryParam("to", d.monday.plusDays(7).toString()).queryParam("department", d.code)
                .get("/allocations").then().statusCode(200).extract().jsonPath();
        assertThat(current.getLong("windows[0].version")).isEqualTo(version);
        assertThat(current.getList("assignments.activityId")).containsExactly(activity);
        assertThat(current.getList("assignments.clinicianId")).containsExactly(clinician);
    }

    private double failedSolves(String reason) {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("rota_solver_failed_solves_total{")
                && line.contains("reason=\"" + reason + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    static List<String> outcomesOldestFirst(Department d) {
        List<String> outcomes = new ArrayList<>(given().queryParam("windowId", d.windowId()).queryParam("size", 100)
                .get("/solves").then().statusCode(200).extract().jsonPath().getList("items.outcome", String.class));
        Collections.reverse(outcomes); // the history lists the newest first
        return outcomes;
    }
}
