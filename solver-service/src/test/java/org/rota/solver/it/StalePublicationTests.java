package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rota.solver.domain.SolveRun;
import org.rota.solver.domain.SolveRun.Outcome;
import org.rota.solver.domain.SolveRun.Trigger;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.service.WindowSolver;
import org.rota.solver.service.WindowSolver.WindowInput;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * Two solves of one window, as around a rebalance or a paused replica: the one that read older input commits last, and
 * must not replace the allocation published from newer input.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class StalePublicationTests {

    @Inject
    WindowSolver solver;

    @Test
    void aSolveThatReadOlderInputThanThePublishedAllocationIsSupersededNotPublished() {
        Department d = new Department();
        String first = d.clinician("Dr First", 0, true);
        String second = d.clinician("Dr Second", 0, true);
        String firstVas = d.credential(first, "VAS", "EXPERT", "ACTIVE", 0);
        d.credential(second, "VAS", "QUALIFIED", "ACTIVE", 0);
        String vas = d.activity("VAS", d.at(2, 8), d.at(2, 12), 1);
        JsonPath before = AllocationFlowTests.awaitAllocation(d, a -> first.equals(
                a.getString("assignments.find { it.activityId == '" + vas + "' }.clinicianId")));

        // a replica reads the window's input, then pauses; meanwhile the credential is revoked and another replica
        // publishes the window from the newer input
        WindowInput pausedRead = solver.read(PlanningWindow.parse(d.windowId()));
        d.credential(firstVas, first, "VAS", "EXPERT", "REVOKED", 1);
        JsonPath after = AllocationFlowTests.awaitAllocation(d, a -> second.equals(
                a.getString("assignments.find { it.activityId == '" + vas + "' }.clinicianId")));
        assertThat(after.getLong("version")).isGreaterThan(before.getLong("version"));

        SolveRun late = solver.complete(pausedRead, Trigger.CHANGE);

        assertThat(late.outcome).isEqualTo(Outcome.SUPERSEDED);
        assertThat(late.detail).contains("newer input");
        assertThat(late.allocationVersion).isGreaterThanOrEqualTo(after.getLong("version"));
        given().queryParam("from", d.monday.toString()).queryParam("to", d.monday.plusDays(7).toString())
                .queryParam("department", d.code).get("/allocations")
                .then().statusCode(200)
                .extract().jsonPath().getList("assignments.clinicianId").forEach(
                        clinician -> assertThat(clinician).as("the revoked clinician stays unassigned").isEqualTo(second));
        assertThat(given().get("/solves/{id}", late.id).then().statusCode(200).extract().jsonPath()
                .getString("outcome")).isEqualTo("SUPERSEDED");
    }

    @Test
    void aSolveThatReadTheNewestInputIsPublished() {
        Department d = new Department();
        d.clinician("Dr Only", 0, true);
        d.activity(null, d.at(1, 9), d.at(1, 13), 1);
        JsonPath published = AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 1);

        WindowInput read = solver.read(PlanningWindow.parse(d.windowId()));
        SolveRun run = solver.complete(read, Trigger.REQUEST);

        assertThat(run.outcome).as(String.valueOf(run.detail)).isEqualTo(Outcome.UNCHANGED);
        assertThat(run.allocationVersion).isGreaterThanOrEqualTo(published.getLong("version"));
    }
}
