package org.rota.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rota.events.Contracts;
import org.rota.events.EventTypes;

class EventContractsTest {

    @Test
    void everySchemaTheAsyncApiDocumentNamesExists() throws Exception {
        String asyncApi;
        try (InputStream in = Contracts.class.getResourceAsStream(Contracts.ASYNCAPI)) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher reference = Pattern.compile("\\$ref: '(schemas/[^']+)'").matcher(asyncApi);
        int found = 0;
        while (reference.find()) {
            found++;
            assertThat(Contracts.class.getResource("/contracts/" + reference.group(1))).as(reference.group(1)).isNotNull();
        }
        assertThat(found).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aConformingCredentialPassesAndABrokenOneIsCaught() {
        String valid = """
                {"id":"6a0f7a9e-3c55-4c8f-9a43-2f1d3c1e9b11","externalId":null,
                 "clinicianId":"0b6f8d3a-1e2f-4a5b-8c7d-9e0f1a2b3c4d","procedureCode":"VAS","level":"EXPERT",
                 "validFrom":"2026-01-01","validUntil":null,"status":"ACTIVE","maxPerWeek":null,"version":0,
                 "updatedAt":"2026-11-26T06:00:00Z"}""";
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, valid)).isEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, valid.replace("\"EXPERT\"", "\"GURU\""))).isNotEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, valid.replace("2026-01-01", "soon"))).isNotEmpty();
    }

    @Test
    void aCredentialMayCarryItsStatusHistoryAndAMalformedStepIsCaught() {
        String withHistory = """
                {"id":"6a0f7a9e-3c55-4c8f-9a43-2f1d3c1e9b11","externalId":null,
                 "clinicianId":"0b6f8d3a-1e2f-4a5b-8c7d-9e0f1a2b3c4d","procedureCode":"VAS","level":"EXPERT",
                 "validFrom":"2026-01-01","validUntil":null,"status":"SUSPENDED","maxPerWeek":null,"version":1,
                 "updatedAt":"2026-12-09T11:00:00Z",
                 "statusHistory":[{"status":"ACTIVE","effectiveFrom":null},
                                  {"status":"SUSPENDED","effectiveFrom":"2026-12-09T10:00:00Z"}]}""";
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, withHistory)).isEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, withHistory.replace("\"SUSPENDED\",\"effectiveFrom\"",
                "\"PAUSED\",\"effectiveFrom\""))).isNotEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, withHistory.replace("2026-12-09T10:00:00Z",
                "wednesday"))).isNotEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, withHistory.replace(
                "{\"status\":\"ACTIVE\",\"effectiveFrom\":null},", "{\"status\":\"ACTIVE\"},"))).isNotEmpty();
    }

    private static final String ACTIVITY_WITH_SEATS = """
            {"id":"6a0f7a9e-3c55-4c8f-9a43-2f1d3c1e9b11","externalId":"EHR-1","department":"GENSURG",
             "title":"Teaching list","start":"2026-12-07T08:00:00Z","end":"2026-12-07T12:00:00Z","location":"Theatre 2",
             "procedureCode":"LAPCHOLE","requiredClinicians":2,"minimumLevel":"QUALIFIED",
             "seats":[{"minimumLevel":"EXPERT","count":1,"optional":false},
                      {"minimumLevel":"QUALIFIED","count":1,"optional":false},
                      {"minimumLevel":"TRAINEE","count":2,"optional":true}],
             "traineesPerSupervisor":2,"status":"SCHEDULED","version":0,"updatedAt":"2026-11-26T06:00:00Z"}""";

    @Test
    void anActivitySpellsOutItsSeatGroupsAndAMalformedGroupIsCaught() {
        assertThat(EventContracts.violations(EventTypes.ACTIVITY, ACTIVITY_WITH_SEATS)).isEmpty();
        assertThat(EventContracts.violations(EventTypes.ACTIVITY,
                ACTIVITY_WITH_SEATS.replace("\"TRAINEE\",\"count\":2", "\"STUDENT\",\"count\":2"))).isNotEmpty();
        assertThat(EventContracts.violations(EventTypes.ACTIVITY,
                ACTIVITY_WITH_SEATS.replace("\"count\":2", "\"count\":0"))).isNotEmpty();
        assertThat(EventContracts.violations(EventTypes.ACTIVITY,
                ACTIVITY_WITH_SEATS.replace("\"traineesPerSupervisor\":2", "\"traineesPerSupervisor\":-1"))).isNotEmpty();
        assertThat(EventContracts.violations(EventTypes.ACTIVITY, ACTIVITY_WITH_SEATS.replaceAll(
                "(?s)\"seats\":\\[.*?\\],\\s*", ""))).as("seats are always present").isNotEmpty();
    }

    @Test
    void anUpsertGivesTheShorthandOrTheSeatsAndNeitherIsCaught() {
        String upsert = """
                {"externalId":"EHR-1","department":"GENSURG","title":"Teaching list",
                 "start":"2026-12-07T08:00:00Z","end":"2026-12-07T12:00:00Z","location":"Theatre 2",
                 "procedureCode":"LAPCHOLE",
                 "seats":[{"minimumLevel":"EXPERT","count":1},{"minimumLevel":"TRAINEE","count":2,"optional":true}]}""";
        assertThat(EventContracts.violations(EventTypes.ACTIVITY_UPSERT, upsert)).isEmpty();
        assertThat(EventContracts.violations(EventTypes.ACTIVITY_UPSERT,
                upsert.replaceAll("(?s),\\s*\"seats\":\\[.*\\]", ",\"requiredClinicians\":2"))).isEmpty();
        assertThat(EventContracts.violations(EventTypes.ACTIVITY_UPSERT,
                upsert.replaceAll("(?s),\\s*\"seats\":\\[.*\\]", ""))).isNotEmpty();
    }

    @Test
    void aTraineeCredentialConforms() {
        String trainee = """
                {"id":"6a0f7a9e-3c55-4c8f-9a43-2f1d3c1e9b11","externalId":null,
                 "clinicianId":"0b6f8d3a-1e2f-4a5b-8c7d-9e0f1a2b3c4d","procedureCode":"VAS","level":"TRAINEE",
                 "validFrom":"2026-01-01","validUntil":null,"status":"ACTIVE","maxPerWeek":null,"version":0,
                 "updatedAt":"2026-11-26T06:00:00Z"}""";
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL, trainee)).isEmpty();
    }

    @Test
    void anAllocationSaysWhichSeatEachAssigneeFillsAndWhichGroupIsShort() {
        String allocation = """
                {"windowId":"GENSURG/2026-12-07","department":"GENSURG","weekStart":"2026-12-07",
                 "from":"2026-12-07T00:00:00Z","to":"2026-12-14T00:00:00Z","version":1,
                 "publishedAt":"2026-11-26T06:00:00Z","solverStatus":"OPTIMAL",
                 "assignments":[{"activityId":"6a0f7a9e-3c55-4c8f-9a43-2f1d3c1e9b11",
                   "clinicianId":"0b6f8d3a-1e2f-4a5b-8c7d-9e0f1a2b3c4d","level":"TRAINEE","seat":"TRAINEE",
                   "procedureCode":"LAPCHOLE","start":"2026-12-07T08:00:00Z","end":"2026-12-07T12:00:00Z"}],
                 "unfilled":[{"activityId":"6a0f7a9e-3c55-4c8f-9a43-2f1d3c1e9b11","seats":1,
                   "reason":"NOT_ENOUGH_SUPERVISORS","level":"TRAINEE","optional":true,"procedureCode":"LAPCHOLE",
                   "start":"2026-12-07T08:00:00Z","end":"2026-12-07T12:00:00Z"}],
                 "pinConflicts":[],"diff":{"previousVersion":null,"added":[],"removed":[]},
                 "breakdown":{"unfilledSeats":0,"unfilledOptionalSeats":1000,"qualifiedInsteadOfExpert":0,
                   "undesiredDays":0,"desiredDays":0,"fairness":0,"changes":0}}""";
        assertThat(EventContracts.violations(EventTypes.ALLOCATION, allocation)).isEmpty();
        assertThat(EventContracts.violations(EventTypes.ALLOCATION,
                allocation.replace("\"seat\":\"TRAINEE\"", "\"seat\":\"OBSERVER\""))).isNotEmpty();
        assertThat(EventContracts.violations(EventTypes.ALLOCATION,
                allocation.replace("\"unfilledOptionalSeats\":1000,", ""))).isNotEmpty();
    }

    @Test
    void credentialAlertsConformAndAMalformedOneIsCaught() {
        String expiring = """
                {"credentialId":"6a0f7a9e-3c55-4c8f-9a43-2f1d3c1e9b11",
                 "clinicianId":"0b6f8d3a-1e2f-4a5b-8c7d-9e0f1a2b3c4d","procedureCode":"VAS",
                 "validUntil":"2026-12-11","daysLeft":10,"threshold":14,"asOf":"2026-12-01"}""";
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL_EXPIRING, expiring)).isEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL_EXPIRING,
                expiring.replace("\"daysLeft\":10", "\"daysLeft\":-1"))).isNotEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL_EXPIRING,
                expiring.replace("\"threshold\":14,", ""))).isNotEmpty();

        String expired = """
                {"credentialId":"6a0f7a9e-3c55-4c8f-9a43-2f1d3c1e9b11",
                 "clinicianId":"0b6f8d3a-1e2f-4a5b-8c7d-9e0f1a2b3c4d","procedureCode":"VAS",
                 "validUntil":"2026-12-11","asOf":"2026-12-12"}""";
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL_EXPIRED, expired)).isEmpty();
        assertThat(EventContracts.violations(EventTypes.CREDENTIAL_EXPIRED,
                expired.replace("2026-12-11", "next week"))).isNotEmpty();
    }
}
