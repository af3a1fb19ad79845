package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rota.solver.repository.ReadModelRepository;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * A teaching list as hospitals write it, through Kafka: one EXPERT primary, one QUALIFIED secondary and two optional
 * TRAINEE seats, and the allocation event saying who fills which seat.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class TeachingListTests {

    static final String TEACHING_SEATS = """
            [{"minimumLevel":"EXPERT","count":1,"optional":false},
             {"minimumLevel":"QUALIFIED","count":1,"optional":false},
             {"minimumLevel":"TRAINEE","count":2,"optional":true}]""";

    @Inject
    ReadModelRepository readModel;

    @Test
    void aListWithAPrimaryASecondaryAndTwoTraineeSeatsIsStaffedAsAskedAndTheEventSaysWhoFillsWhichSeat() {
        Department d = new Department();
        TeachingTeam team = TeachingTeam.of(d, readModel);
        String expert = team.expert();
        String qualified = team.qualified();
        String firstTrainee = team.firstTrainee();
        String secondTrainee = team.secondTrainee();
        String list = d.activityWithSeats("LAPCHOLE", d.at(0, 8), d.at(0, 12), TEACHING_SEATS, 2, "QUALIFIED", 1);

        JsonPath allocation = AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 4);

        Map<String, String> seatOf = seats(allocation, list);
        assertThat(seatOf).containsExactlyInAnyOrderEntriesOf(Map.of(expert, "EXPERT", qualified, "QUALIFIED",
                firstTrainee, "TRAINEE", secondTrainee, "TRAINEE"));
        assertThat(allocation.getString("assignments.find { it.clinicianId == '" + firstTrainee + "' }.level"))
                .isEqualTo("TRAINEE");
        assertThat(allocation.getList("unfilled")).isEmpty();
        assertThat(allocation.getLong("breakdown.unfilledOptionalSeats")).isZero();

        given().get("/allocations/activities/{id}", list).then().statusCode(200)
                .body("seats.minimumLevel", equalTo(List.of("EXPERT", "QUALIFIED", "TRAINEE")))
                .body("traineesPerSupervisor", equalTo(1))
                .body("assignments.find { it.clinicianId == '" + expert + "' }.seat", equalTo("EXPERT"));
        given().queryParam("from", d.monday.toString()).queryParam("to", d.monday.plusDays(7).toString())
                .get("/allocations/clinicians/{id}", secondTrainee).then().statusCode(200)
                .body("[0].seat", equalTo("TRAINEE"));
    }

    @Test
    void withoutItsExpertTheListSaysWhichSeatsStayEmptyAndTheTraineesBeyondTheRatioStayOut() {
        Department d = new Department();
        TeachingTeam team = TeachingTeam.of(d, readModel);
        String expert = team.expert();
        String qualified = team.qualified();
        d.absence(expert, d.at(0, 0), d.at(1, 0));
        String list = d.activityWithSeats("LAPCHOLE", d.at(0, 8), d.at(0, 12), TEACHING_SEATS, 2, "QUALIFIED", 1);

        // the secondary supervises one trainee (ratio 1); the primary's seat and one trainee seat stay empty
        JsonPath allocation = AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 2
                && a.getList("unfilled").size() == 2);

        Map<String, String> seatOf = seats(allocation, list);
        assertThat(seatOf).containsEntry(qualified, "QUALIFIED").containsValue("TRAINEE").hasSize(2);
        assertThat(allocation.getString("unfilled.find { it.level == 'EXPERT' }.reason"))
                .isEqualTo("ALL_ELIGIBLE_ABSENT");
        assertThat(allocation.getBoolean("unfilled.find { it.level == 'EXPERT' }.optional")).isFalse();
        assertThat(allocation.getString("unfilled.find { it.level == 'TRAINEE' }.reason"))
                .isEqualTo("NOT_ENOUGH_SUPERVISORS");
        assertThat(allocation.getBoolean("unfilled.find { it.level == 'TRAINEE' }.optional")).isTrue();
        assertThat(allocation.getLong("breakdown.unfilledOptionalSeats")).isPositive();
    }

    @Test
    void aListWithoutItsOwnRatioTakesTheConfiguredNumberOfTraineesPerSupervisor() {
        Department d = new Department();
        String expert = d.clinician("Dr Primary", 0, true);
        List<String> trainees = List.of(d.clinician("Dr Resident One", 0, true),
                d.clinician("Dr Resident Two", 0, true), d.clinician("Dr Resident Three", 0, true));
        d.awaitClinicians(readModel, 4);
        d.credential(expert, "LAPCHOLE", "EXPERT", "ACTIVE", 0);
        trainees.forEach(trainee -> d.credential(trainee, "LAPCHOLE", "TRAINEE", "ACTIVE", 0));
        String list = d.activityWithSeats("LAPCHOLE", d.at(1, 8), d.at(1, 12), """
                [{"minimumLevel":"EXPERT","count":1},{"minimumLevel":"TRAINEE","count":3,"optional":true}]""",
                1, "EXPERT", null);

        // %test.solver.trainees-per-supervisor=1: one consultant, one trainee
        JsonPath allocation = AllocationFlowTests.awaitAllocation(d, a -> a.getList("assignments").size() == 2
                && a.getList("unfilled.findAll { it.level == 'TRAINEE' }.seats").equals(List.of(2)));

        assertThat(seats(allocation, list).values()).containsExactlyInAnyOrder("EXPERT", "TRAINEE");
        assertThat(allocation.getString("unfilled.find { it.level == 'TRAINEE' }.reason"))
                .isEqualTo("NOT_ENOUGH_SUPERVISORS");
    }

    private static Map<String, String> seats(JsonPath allocation, String activityId) {
        List<Map<String, Object>> entries = allocation.getList("assignments.findAll { it.activityId == '"
                + activityId + "' }");
        return entries.stream().collect(Collectors.toMap(e -> (String) e.get("clinicianId"),
                e -> (String) e.get("seat")));
    }

    /** A consultant, a registrar and two residents, credentialed for LAPCHOLE at EXPERT, QUALIFIED and TRAINEE. */
    private record TeachingTeam(String expert, String qualified, String firstTrainee, String secondTrainee) {

        static TeachingTeam of(Department d, ReadModelRepository readModel) {
            TeachingTeam team = new TeachingTeam(d.clinician("Dr Primary", 0, true),
                    d.clinician("Dr Secondary", 0, true), d.clinician("Dr Resident One", 0, true),
                    d.clinician("Dr Resident Two", 0, true));
            d.awaitClinicians(readModel, 4);
            d.credential(team.expert, "LAPCHOLE", "EXPERT", "ACTIVE", 0);
            d.credential(team.qualified, "LAPCHOLE", "QUALIFIED", "ACTIVE", 0);
            d.credential(team.firstTrainee, "LAPCHOLE", "TRAINEE", "ACTIVE", 0);
            d.credential(team.secondTrainee, "LAPCHOLE", "TRAINEE", "ACTIVE", 0);
            return team;
        }
    }
}
