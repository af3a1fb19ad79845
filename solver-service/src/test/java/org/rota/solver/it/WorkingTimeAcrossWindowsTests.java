package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rota.solver.repository.ReadModelRepository;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * The working-time rules hold across planning windows: a clinician's work in another department or another week is
 * fixed work that every hard rule of a window counts, at solve time and again at commit.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class WorkingTimeAcrossWindowsTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    ReadModelRepository readModel;

    @Test
    void aClinicianInTwoDepartmentsNeverExceedsTheWeeklyCapAcrossBoth() {
        Department urology = new Department();
        Department gynaecology = new Department();
        String shared = urology.clinicianAlsoIn(gynaecology, "Dr Shared", 600);
        urology.awaitClinicians(readModel, 1);
        gynaecology.awaitClinicians(readModel, 1);
        String urologyList = urology.activity(null, urology.at(0, 8), urology.at(0, 14), 1);
        String gynaecologyList = gynaecology.activity(null, gynaecology.at(2, 8), gynaecology.at(2, 14), 1);

        // 6 h + 6 h would exceed the 10 h cap: one list gets the clinician, the other stays empty
        await().atMost(PATIENCE).until(() -> covered(urology, urologyList) && covered(gynaecology, gynaecologyList));

        List<String> lists = assignedTo(shared, urology, gynaecology);
        assertThat(lists).hasSize(1).isSubsetOf(urologyList, gynaecologyList);
        String empty = lists.contains(urologyList) ? gynaecologyList : urologyList;
        Department emptyDepartment = empty.equals(urologyList) ? urology : gynaecology;
        assertThat(unfilledReason(emptyDepartment, empty)).isEqualTo("ALL_ELIGIBLE_BUSY");
        given().get("/allocations/activities/{id}", empty).then().statusCode(200)
                .body("candidates.find { it.clinicianId == '" + shared + "' }.verdict",
                        equalTo("WEEKLY_CAP"));
    }

    @Test
    void aClinicianInTwoDepartmentsNeverExceedsTheDayLimitAcrossBoth() {
        Department urology = new Department();
        Department gynaecology = new Department();
        String shared = urology.clinicianAlsoIn(gynaecology, "Dr Shared", 2400);
        urology.awaitClinicians(readModel, 1);
        gynaecology.awaitClinicians(readModel, 1);
        // three short sessions on one Tuesday, 08:00-15:00 in all: one duty period, within the weekly cap
        String early = urology.activity(null, urology.at(1, 8), urology.at(1, 10), 1);
        String late = urology.activity(null, urology.at(1, 13), urology.at(1, 15), 1);
        String middle = gynaecology.activity(null, gynaecology.at(1, 10).plusSeconds(1800),
                gynaecology.at(1, 12).plusSeconds(1800), 1);

        await().atMost(PATIENCE).until(() -> covered(urology, early) && covered(urology, late)
                && covered(gynaecology, middle));

        assertThat(assignedTo(shared, urology, gynaecology)).hasSize(2); // maxActivitiesPerDay 2 across both
    }

    @Test
    void restHoldsAcrossTheSundayMondayBoundaryOfTwoWeeks() {
        Department d = new Department();
        String clinician = d.clinician("Dr Weekend", 0, true);
        d.awaitClinicians(readModel, 1);
        String sundayEvening = d.activity(null, d.at(6, 16), d.at(6, 23), 1); // last day of week 1
        String mondayMorning = d.activity(null, d.at(7, 7), d.at(7, 12), 1); // first day of week 2

        // 8 h apart, and 16:00 to 12:00 next day is a 20 h duty period: never the same clinician
        await().atMost(PATIENCE).until(() -> covered(d, sundayEvening, 2) && covered(d, mondayMorning, 2));

        List<String> lists = range(d, 2).getList("assignments.findAll { it.clinicianId == '" + clinician
                + "' }.activityId");
        assertThat(lists).hasSize(1).isSubsetOf(sundayEvening, mondayMorning);
    }

    /** Whether the latest allocations of the department's first week account for every seat of the activity. */
    static boolean covered(Department d, String activityId) {
        return covered(d, activityId, 1);
    }

    private static boolean covered(Department d, String activityId, int weeks) {
        JsonPath range = range(d, weeks);
        int assigned = range.getList("assignments.findAll { it.activityId == '" + activityId + "' }").size();
        Integer unfilled = range.get("unfilled.findAll { it.activityId == '" + activityId + "' }.seats.sum()");
        return assigned + (unfilled == null ? 0 : unfilled) == 1 && settled(d, weeks);
    }

    /** Every window of the range has finished its latest solve (nothing re-queued or running is the last word). */
    private static boolean settled(Department d, int weeks) {
        for (int week = 0; week < weeks; week++) {
            String windowId = d.code + "/" + d.monday.plusWeeks(week);
            List<String> outcomes = given().queryParam("windowId", windowId).get("/solves").jsonPath()
                    .getList("items.outcome", String.class);
            if (outcomes.isEmpty() || List.of("REQUEUED", "RUNNING").contains(outcomes.get(0))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> assignedTo(String clinician, Department... departments) {
        List<String> lists = new ArrayList<>();
        for (Department d : departments) {
            lists.addAll(range(d, 1).getList("assignments.findAll { it.clinicianId == '" + clinician + "' }.activityId",
                    String.class));
        }
        return lists;
    }

    private static String unfilledReason(Department d, String activityId) {
        return range(d, 1).getString("unfilled.find { it.activityId == '" + activityId + "' }.reason");
    }

    private static JsonPath range(Department d, int weeks) {
        LocalDate from = d.monday;
        return given().queryParam("from", from.toString()).queryParam("to", from.plusWeeks(weeks).toString())
                .queryParam("department", d.code).get("/allocations").then().statusCode(200).extract().jsonPath();
    }
}
