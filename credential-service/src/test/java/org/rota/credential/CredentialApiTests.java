package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.rota.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class CredentialApiTests {

    @Test
    void grantedCredentialIsActive() {
        String clinician = Fixtures.clinician("Dr Grant", "UROLOGY");
        String procedure = Fixtures.procedure();
        String id = Fixtures.credential(clinician, procedure, "EXPERT", "2026-01-01", "2027-01-01");

        given().get("/credentials/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("ACTIVE"))
                .body("level", equalTo("EXPERT"))
                .body("validFrom", equalTo("2026-01-01"))
                .body("validUntil", equalTo("2027-01-01"));
    }

    @Test
    void unknownClinicianOrProcedureIsUnprocessable() {
        String clinician = Fixtures.clinician("Dr Known", "UROLOGY");
        String procedure = Fixtures.procedure();
        given().contentType(ContentType.JSON)
                .body(Fixtures.credentialBody(UUID.randomUUID().toString(), procedure, "EXPERT", "2026-01-01", null))
                .post("/credentials")
                .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("clinicianId"));
        given().contentType(ContentType.JSON)
                .body(Fixtures.credentialBody(clinician, "NOPE", "EXPERT", "2026-01-01", null))
                .post("/credentials")
                .then().statusCode(422).body("field", equalTo("procedureCode"));
    }

    @Test
    void validUntilMustBeAfterValidFrom() {
        String clinician = Fixtures.clinician("Dr Window", "UROLOGY");
        String procedure = Fixtures.procedure();
        given().contentType(ContentType.JSON)
                .body(Fixtures.credentialBody(clinician, procedure, "EXPERT", "2026-06-01", "2026-05-01"))
                .post("/credentials")
                .then().statusCode(400).body("field", equalTo("validUntil"));
    }

    @Test
    void atMostOneActiveCredentialPerClinicianAndProcedureOnAnyDate() {
        String clinician = Fixtures.clinician("Dr Overlap", "UROLOGY");
        String procedure = Fixtures.procedure();
        Fixtures.credential(clinician, procedure, "QUALIFIED", "2026-01-01", "2026-06-30");

        given().contentType(ContentType.JSON)
                .body(Fixtures.credentialBody(clinician, procedure, "EXPERT", "2026-06-30", null))
                .post("/credentials")
                .then().statusCode(409).contentType("application/problem+json");
        // the day after the first ends is free
        Fixtures.credential(clinician, procedure, "EXPERT", "2026-07-01", null);
    }

    @Test
    void whoMayDoAProcedureOnADateIsJudgedAtThatDate() {
        String procedure = Fixtures.procedure();
        String expert = Fixtures.clinician("Dr Expert", "UROLOGY");
        String qualified = Fixtures.clinician("Dr Qualified", "UROLOGY");
        String expired = Fixtures.clinician("Dr Expired", "UROLOGY");
        String suspended = Fixtures.clinician("Dr Suspended", "UROLOGY");
        Fixtures.credential(expert, procedure, "EXPERT", "2026-01-01", null);
        Fixtures.credential(qualified, procedure, "QUALIFIED", "2026-01-01", "2026-12-31");
        Fixtures.credential(expired, procedure, "EXPERT", "2026-01-01", "2026-11-30");
        String toSuspend = Fixtures.credential(suspended, procedure, "EXPERT", "2026-01-01", null);
        given().post("/credentials/{id}/suspend", toSuspend).then().statusCode(200);

        given().queryParam("procedureCode", procedure).queryParam("validOn", "2026-12-07")
                .get("/credentials")
                .then().statusCode(200)
                .body("items.clinicianId", containsInAnyOrder(expert, qualified))
                .body("items.level", containsInAnyOrder("EXPERT", "QUALIFIED"));
        given().queryParam("procedureCode", procedure).queryParam("validOn", "2026-11-15")
                .get("/credentials")
                .then().body("items.clinicianId", containsInAnyOrder(expert, qualified, expired));
    }

    @Test
    void credentialsOfAClinician() {
        String clinician = Fixtures.clinician("Dr Many", "UROLOGY");
        String first = Fixtures.credential(clinician, Fixtures.procedure(), "EXPERT", "2026-01-01", null);
        String second = Fixtures.credential(clinician, Fixtures.procedure(), "QUALIFIED", "2026-01-01", null);
        given().queryParam("clinicianId", clinician).get("/credentials")
                .then().statusCode(200).body("items.id", containsInAnyOrder(first, second));
    }

    @Test
    void credentialsExpiringWithinDays() {
        String clinician = Fixtures.clinician("Dr Expiring", "UROLOGY");
        String procedure = Fixtures.procedure();
        LocalDate today = LocalDate.now();
        String soon = Fixtures.credential(clinician, procedure, "EXPERT", today.minusDays(100).toString(),
                today.plusDays(10).toString());
        String later = Fixtures.credential(clinician, Fixtures.procedure(), "EXPERT", today.minusDays(100).toString(),
                today.plusDays(90).toString());
        given().queryParam("expiringWithinDays", 30).queryParam("clinicianId", clinician).get("/credentials")
                .then().statusCode(200).body("items.id", contains(soon)).body("items.id", not(hasItem(later)));
    }

    @Test
    void garbageQueryParametersAreBadRequests() {
        given().queryParam("validOn", "next tuesday").get("/credentials")
                .then().statusCode(400).body("field", equalTo("validOn"));
        given().queryParam("clinicianId", "nobody").get("/credentials")
                .then().statusCode(400).body("field", equalTo("clinicianId"));
        given().queryParam("status", "MAYBE").get("/credentials")
                .then().statusCode(400).body("field", equalTo("status"));
        given().queryParam("size", 100000).get("/credentials")
                .then().statusCode(400).body("field", equalTo("size"));
    }

    @Test
    void updateChangesLevelAndWindow() {
        String clinician = Fixtures.clinician("Dr Upgrade", "UROLOGY");
        String id = Fixtures.credential(clinician, Fixtures.procedure(), "QUALIFIED", "2026-01-01", null);
        given().contentType(ContentType.JSON)
                .body(Map.of("level", "EXPERT", "validFrom", "2026-01-01", "validUntil", "2028-01-01", "version", 0))
                .put("/credentials/{id}", id)
                .then().statusCode(200)
                .body("level", equalTo("EXPERT"))
                .body("validUntil", equalTo("2028-01-01"))
                .body("version", equalTo(1));
    }

    @Test
    void suspendReinstateAndRevoke() {
        String clinician = Fixtures.clinician("Dr Lifecycle", "UROLOGY");
        String id = Fixtures.credential(clinician, Fixtures.procedure(), "EXPERT", "2026-01-01", null);

        given().post("/credentials/{id}/suspend", id).then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().post("/credentials/{id}/suspend", id).then().statusCode(409).body("field", equalTo("status"));
        given().post("/credentials/{id}/reinstate", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "left the trust"))
                .post("/credentials/{id}/revoke", id)
                .then().statusCode(200).body("status", equalTo("REVOKED")).body("version", equalTo(3));
        given().post("/credentials/{id}/reinstate", id).then().statusCode(409);
        given().contentType(ContentType.JSON)
                .body(Map.of("level", "EXPERT", "validFrom", "2026-01-01", "version", 3))
                .put("/credentials/{id}", id)
                .then().statusCode(409);
    }

    @Test
    void aResidentsTraineeCredentialIsGrantedFoundByLevelAndKeptInTheHistory() {
        String procedure = Fixtures.procedure();
        String resident = Fixtures.clinician("Dr Resident", "GENSURG");
        String expert = Fixtures.clinician("Dr Supervisor", "GENSURG");
        String trainee = Fixtures.credential(resident, procedure, "TRAINEE", "2026-01-01", null);
        Fixtures.credential(expert, procedure, "EXPERT", "2026-01-01", null);

        given().get("/credentials/{id}", trainee).then().statusCode(200).body("level", equalTo("TRAINEE"));
        given().queryParam("procedureCode", procedure).queryParam("level", "TRAINEE").get("/credentials")
                .then().statusCode(200).body("items.clinicianId", contains(resident));
        given().queryParam("procedureCode", procedure).queryParam("validOn", "2026-12-07").get("/credentials")
                .then().body("items.level", containsInAnyOrder("EXPERT", "TRAINEE"));
        given().contentType(ContentType.JSON)
                .body(Map.of("level", "QUALIFIED", "validFrom", "2026-01-01", "version", 0))
                .put("/credentials/{id}", trainee).then().statusCode(200).body("level", equalTo("QUALIFIED"));
        given().get("/credentials/{id}/history", trainee).then().statusCode(200)
                .body("state.level", contains("TRAINEE", "QUALIFIED"));
    }

    /** The actor is the caller's identity; an admin may name whom a change was made for (see AccessControlTests). */
    @Test
    void historyKeepsEveryChangeWithItsActor() {
        String clinician = Fixtures.clinician("Dr History", "UROLOGY");
        String id = given().contentType(ContentType.JSON)
                .body(Fixtures.credentialBody(clinician, Fixtures.procedure(), "QUALIFIED", "2026-01-01", null))
                .post("/credentials").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("X-Rota-Actor", "office.smith")
                .body(Map.of("reason", "complaint under review", "version", 0))
                .post("/credentials/{id}/suspend", id).then().statusCode(200);

        given().get("/credentials/{id}/history", id)
                .then().statusCode(200)
                .body("kind", contains("GRANTED", "SUSPENDED"))
                .body("actor", contains("test-admin", "test-admin on behalf of office.smith"))
                .body("version", contains(0, 1))
                .body("[1].reason", equalTo("complaint under review"))
                .body("[1].state.status", equalTo("SUSPENDED"));
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        String clinician = Fixtures.clinician("Dr Race", "UROLOGY");
        String id = Fixtures.credential(clinician, Fixtures.procedure(), "QUALIFIED", "2026-01-01", null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> updates = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int maxPerWeek = i + 1;
                updates.add(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("level", "EXPERT", "validFrom", "2026-01-01", "maxPerWeek", maxPerWeek,
                                "version", 0))
                        .put("/credentials/{id}", id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(updates)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status != 200).allMatch(status -> status == 409);
        } finally {
            pool.shutdown();
        }
        given().get("/credentials/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void unknownCredentialIsNotFound() {
        given().get("/credentials/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/credentials/{id}/history", UUID.randomUUID()).then().statusCode(404);
    }
}
