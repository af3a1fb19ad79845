package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rota.solver.service.FaultyProblemBuilder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A solve that fails (a database blip while reading its input) does not lose the window. */
@QuarkusTest
class FailedSolveTests {

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

    static List<String> outcomesOldestFirst(Department d) {
        List<String> outcomes = new ArrayList<>(given().queryParam("windowId", d.windowId()).queryParam("size", 100)
                .get("/solves").then().statusCode(200).extract().jsonPath().getList("items.outcome", String.class));
        Collections.reverse(outcomes); // the history lists the newest first
        return outcomes;
    }
}
