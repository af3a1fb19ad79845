package org.rota.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rota.tools.client.RotaClient;
import org.rota.tools.client.RotaClient.Reply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo users of the realm that {@code ./rota up} imports, signed in at the real Keycloak: what each role may do,
 * and who the credential history says did it. activity-service's own check of a procedure code at credential-service
 * goes with its service-account token.
 */
class SignInTests {

    private static RotaSystem system;

    @BeforeAll
    static void startRota() {
        system = RotaSystem.get();
    }

    @Test
    void aSchedulerCannotGrantACredentialAndNothingIsGranted() {
        Hospital hospital = new Hospital(system.rota, 5);
        String procedure = hospital.procedure();
        String clinician = hospital.clinician("Dr Unauthorised Grant");
        RotaClient scheduler = as("scheduler");

        Reply refused = scheduler.post(system.rota.credentials + "/credentials", grant(clinician, procedure));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("status").asInt()).isEqualTo(403);
        JsonNode granted = system.rota.get(system.rota.credentials + "/credentials?clinicianId=" + clinician)
                .require("Listing the clinician's credentials");
        assertThat(granted.path("items")).isEmpty();
    }

    @Test
    void withoutATokenNothingIsReadOrWritten() {
        RotaClient anonymous = new RotaClient(system.credentials.url(), system.activities.url(), system.solver.url());

        assertThat(anonymous.get(anonymous.credentials + "/procedures").status()).isEqualTo(401);
        assertThat(anonymous.post(anonymous.credentials + "/procedures",
                Map.of("code", "ANON" + UUID.randomUUID().toString().substring(0, 6), "name", "Anonymous")).status())
                .isEqualTo(401);
    }

    @Test
    void theHistoryRecordsTheDemoUserWhoGrantedTheCredential() {
        Hospital hospital = new Hospital(system.rota, 5);
        String procedure = hospital.procedure();
        String clinician = hospital.clinician("Dr History");

        String credential = hospital.credential(clinician, procedure, "QUALIFIED", null);

        JsonNode history = as("viewer").get(system.rota.credentials + "/credentials/" + credential + "/history")
                .require("Reading the history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("actor").asText()).startsWith("credentialing")
                .contains(subjectOf(system.token("credentialing").get()));
    }

    @Test
    void activityServiceChecksProcedureCodesAtCredentialServiceWithItsOwnToken() {
        Hospital hospital = new Hospital(system.rota, 5);
        String known = hospital.procedure();

        assertThat(hospital.activities(List.of(hospital.activity(known, 0, 9, 1)))).hasSize(1);
        // a well-formed code that credential-service does not know: activity-service must ask it (with its own token)
        String unknownCode = "NOPE" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        Map<String, Object> unknown = hospital.activity(unknownCode, 1, 9, 1);
        Reply refused = system.rota.post(system.rota.activities + "/activities", unknown);
        // the answer is "no such procedure" (422), not credential-service refusing activity-service's token (a 503)
        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(422);
        assertThat(refused.body().path("field").asText()).isEqualTo("procedureCode");
    }

    @Test
    void aTokenThatWasAcceptedIsRefusedOnceItHasExpired() throws Exception {
        KeycloakAdmin realm = new KeycloakAdmin(system.keycloak);
        String client = "short-lived-" + UUID.randomUUID().toString().substring(0, 8);
        realm.createPasswordClient(client, Duration.ofSeconds(10));
        String token = realm.userToken(client, "viewer");
        RotaClient viewer = new RotaClient(system.credentials.url(), system.activities.url(), system.solver.url())
                .as(() -> token);
        String procedures = viewer.credentials + "/procedures";

        assertThat(viewer.get(procedures).status()).as("while the token is valid").isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(viewer.get(procedures).status()).as("once it has expired").isEqualTo(401));
        Reply expired = viewer.get(procedures);
        assertThat(expired.body().path("status").asInt()).isEqualTo(401);
    }

    private static RotaClient as(String user) {
        return new RotaClient(system.credentials.url(), system.activities.url(), system.solver.url())
                .as(system.token(user));
    }

    private static Map<String, Object> grant(String clinician, String procedure) {
        Map<String, Object> body = new HashMap<>();
        body.put("clinicianId", clinician);
        body.put("procedureCode", procedure);
        body.put("level", "QUALIFIED");
        body.put("validFrom", "2026-01-01");
        return body;
    }

    private static String subjectOf(String token) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            return RotaClient.JSON.readTree(payload).path("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
