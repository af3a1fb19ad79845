package org.rota.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rota.events.AllocationEvent.AssignmentEntry;
import org.rota.events.AbsenceEvent;
import org.rota.events.CredentialEvent;
import org.rota.events.CredentialLevel;
import org.rota.events.CredentialStatus;
import org.rota.web.client.PinRefused;
import org.rota.web.client.RotaServices;
import org.rota.web.client.SolverViews.ActivityAllocation;
import org.rota.web.client.SolverViews.Candidate;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.mutiny.Uni;

/** The pages as each role sees them, with the three services answered by a mock. */
@QuarkusTest
class WeekPagesTests {

    @InjectMock
    RotaServices services;

    @BeforeEach
    void demoWeek() {
        when(services.allClinicians()).thenReturn(Uni.createFrom().item(Demo.clinicians()));
        when(services.clinicians(anyString())).thenReturn(Uni.createFrom().item(List.of()));
        when(services.clinicians(Demo.DEPARTMENT)).thenReturn(Uni.createFrom().item(Demo.clinicians()));
        when(services.activities(anyString(), any(), any())).thenReturn(Uni.createFrom().item(List.of()));
        when(services.activities(eq(Demo.DEPARTMENT), any(), any()))
                .thenReturn(Uni.createFrom().item(Demo.activities()));
        when(services.allocation(anyString(), any(LocalDate.class), any(LocalDate.class)))
                .thenReturn(Uni.createFrom().item(Demo.allocation()));
        when(services.explanation(any())).thenReturn(Uni.createFrom().item(Optional.empty()));
        when(services.explanation(Demo.VASECTOMY_LIST)).thenReturn(Uni.createFrom().item(Optional.of(explanation())));
        when(services.pins(any())).thenReturn(Uni.createFrom().item(List.of()));
        when(services.solves(anyString(), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(Uni.createFrom().item(List.of()));
    }

    @Test
    @TestSecurity(user = "scheduler", roles = "scheduler")
    void theGridHasAClinicianPerRowTheirActivitiesInCellsAndEmptySeatsWithTheirReason() {
        given().get("/rota/UROLOGY/2026-12-07").then().statusCode(200)
                .body(containsString("data-clinician-id=\"" + Demo.ADA + "\""))
                .body(containsString("data-clinician-id=\"" + Demo.BEN + "\""))
                .body(containsString("data-activity-id=\"" + Demo.VASECTOMY_LIST + "\""))
                .body(containsString("data-reason=\"ALL_ELIGIBLE_BUSY\""))
                .body(containsString("Signed in as <strong>scheduler</strong>"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void theListLayoutShowsEachActivityWithItsStaff() {
        given().get("/rota/UROLOGY/2026-12-07?layout=list").then().statusCode(200)
                .body(containsString("<caption>Activities and their staff</caption>"))
                .body(containsString("Ada Lovelace (QUALIFIED)"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void anUnknownDepartmentIsA404PageThatSaysSo() {
        given().get("/rota/NOSUCH/2026-12-07").then().statusCode(404)
                .body(containsString("There is no department NOSUCH."))
                .body(not(containsString("Exception")));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aWeekThatIsNotAMondayOrNotADateIsA404PageThatSaysSo() {
        given().get("/rota/UROLOGY/2026-12-09").then().statusCode(404)
                .body(containsString("2026-12-09 is not a Monday"));
        given().get("/rota/UROLOGY/next-week").then().statusCode(404)
                .body(containsString("There is no week next-week"));
        given().get("/rota/UROLOGY/2026-12-07?weeks=9").then().statusCode(404)
                .body(containsString("1 to 4 weeks"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void anUnknownActivityIsA404PageThatSaysSo() {
        given().get("/activities/00000000-0000-0000-0000-0000000000ff").then().statusCode(404)
                .body(containsString("There is no activity"));
        given().get("/activities/not-an-id").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void theFilterFormLeadsToTheCanonicalUrlOfTheChosenDatesMonday() {
        given().redirects().follow(false).queryParam("department", "UROLOGY").queryParam("date", "2026-12-10")
                .queryParam("procedure", "VAS").get("/rota").then().statusCode(303)
                .header("Location", containsString("/rota/UROLOGY/2026-12-07?procedure=VAS"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aViewerIsOfferedNoPinButton() {
        given().header("HX-Request", "true").get("/activities/" + Demo.VASECTOMY_LIST).then().statusCode(200)
                .body(containsString("Ben Carson"))
                .body(containsString("data-verdict=\"LEVEL_TOO_LOW\""))
                .body(not(containsString("class=\"pin\"")));
    }

    @Test
    @TestSecurity(user = "scheduler", roles = "scheduler")
    void aSchedulerMayPinAndARefusedPinShowsItsRule() {
        given().header("HX-Request", "true").get("/activities/" + Demo.VASECTOMY_LIST).then().statusCode(200)
                .body(containsString("Pin Ben Carson"));
        when(services.pin(Demo.VASECTOMY_LIST, Demo.BEN)).thenReturn(Uni.createFrom()
                .failure(new PinRefused("LEVEL_TOO_LOW", "holds QUALIFIED, the seat needs EXPERT")));

        given().header("HX-Request", "true").formParam("clinicianId", Demo.BEN.toString())
                .formParam("clinicianName", "Ben Carson").post("/activities/" + Demo.VASECTOMY_LIST + "/pins")
                .then().statusCode(200)
                .body(containsString("data-rule=\"LEVEL_TOO_LOW\""))
                .body(containsString("holds QUALIFIED, the seat needs EXPERT"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aViewerCannotPinEvenByPostingTheForm() {
        given().header("HX-Request", "true").formParam("clinicianId", Demo.BEN.toString())
                .post("/activities/" + Demo.VASECTOMY_LIST + "/pins").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "scheduler", roles = "scheduler")
    void aWriteFromOutsideThePagesIsRefused() {
        given().formParam("clinicianId", Demo.BEN.toString()).post("/activities/" + Demo.VASECTOMY_LIST + "/pins")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aCliniciansPageHasTheirListsTheirCredentialsWithExpiryAndTheirAbsences() {
        java.time.LocalDate soon = java.time.LocalDate.now(Demo.ZONE).plusDays(20);
        when(services.clinician(Demo.ADA)).thenReturn(Uni.createFrom().item(Optional.of(Demo.clinicians().get(0))));
        when(services.assignmentsOf(eq(Demo.ADA), any(), any())).thenReturn(Uni.createFrom().item(
                Demo.allocation().assignments()));
        when(services.credentialsOf(Demo.ADA)).thenReturn(Uni.createFrom().item(List.of(new CredentialEvent(
                java.util.UUID.randomUUID(), null, Demo.ADA, "VAS", CredentialLevel.EXPERT,
                java.time.LocalDate.of(2026, 1, 1), soon, CredentialStatus.ACTIVE, null, 1, java.time.Instant.now()))));
        when(services.absencesOf(eq(Demo.ADA), any(), any())).thenReturn(Uni.createFrom().item(List.of(
                new AbsenceEvent(java.util.UUID.randomUUID(), Demo.ADA, Demo.at(4, 0), Demo.at(5, 0), "Study leave",
                        false, 1, java.time.Instant.now()))));

        given().get("/clinicians/" + Demo.ADA).then().statusCode(200)
                .body(containsString("<h1>Ada Lovelace</h1>"))
                .body(containsString("data-activity-id=\"" + Demo.VASECTOMY_LIST + "\""))
                .body(containsString("Vasectomy list"))
                .body(containsString("(expires in 20 days)"))
                .body(containsString("Study leave"));
        when(services.clinician(Demo.BEN)).thenReturn(Uni.createFrom().item(Optional.empty()));
        given().get("/clinicians/" + Demo.BEN).then().statusCode(404).body(containsString("There is no clinician"));
    }

    private static ActivityAllocation explanation() {
        return new ActivityAllocation(Demo.VASECTOMY_LIST, Demo.DEPARTMENT, "Vasectomy list", "Theatre 2", "VAS",
                Demo.at(1, 8), Demo.at(1, 12), "SCHEDULED", 1, "QUALIFIED", List.of(), 2,
                Demo.DEPARTMENT + "/" + Demo.MONDAY, 3L,
                List.of(new AssignmentEntry(Demo.VASECTOMY_LIST, Demo.ADA, CredentialLevel.EXPERT,
                        CredentialLevel.QUALIFIED, "VAS", Demo.at(1, 8), Demo.at(1, 12))),
                List.of(), List.of(),
                List.of(new Candidate(Demo.ADA, "Ada Lovelace", "ASSIGNED", "EXPERT", null, null),
                        new Candidate(Demo.BEN, "Ben Carson", "LEVEL_TOO_LOW", "QUALIFIED", "holds QUALIFIED", null)));
    }
}
