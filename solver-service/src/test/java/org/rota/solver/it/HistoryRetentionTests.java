package org.rota.solver.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.rota.solver.domain.Allocation;
import org.rota.solver.domain.SolveRun;
import org.rota.solver.domain.SolveRun.Outcome;
import org.rota.solver.domain.SolveRun.Trigger;
import org.rota.solver.service.HistoryRetention;
import org.rota.platform.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Allocation versions and solve runs do not grow without bound; paging never overflows into a 500. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = Roles.ADMIN)
class HistoryRetentionTests {

    /** A week no other test plans, so that these made-up windows never show in another test's range. */
    private static final LocalDate WEEK = LocalDate.parse("2000-01-03");

    @Inject
    HistoryRetention retention;

    @Inject
    EntityManager em;

    @Test
    void pruningKeepsTheLatestVersionsOfEachWindowDropsOldOnesAndAlwaysKeepsTheCurrentOne() {
        Instant now = Instant.now();
        String busy = window();
        String dormant = window();
        QuarkusTransaction.requiringNew().run(() -> {
            LongStream.rangeClosed(1, 53).forEach(v -> allocation(busy, v, now.minus(Duration.ofMinutes(60 - v))));
            LongStream.rangeClosed(1, 3).forEach(v -> allocation(dormant, v, now.minus(Duration.ofDays(300 - v))));
            run(busy, now.minus(Duration.ofDays(40)));
            run(busy, now.minus(Duration.ofMinutes(1)));
        });

        retention.prune(now);

        // the configured retention: 50 versions per window, none older than 180 days but the latest; runs for 30 days
        assertThat(versions(busy)).containsExactlyElementsOf(LongStream.rangeClosed(4, 53).boxed().toList());
        assertThat(versions(dormant)).containsExactly(3L);
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "SELECT r.startedAt FROM SolveRun r WHERE r.windowId = :w", Instant.class)
                .setParameter("w", busy).getResultList())).hasSize(1).allMatch(started -> started.isAfter(now.minus(
                        Duration.ofDays(1))));
    }

    @Test
    void aPageBeyondWhatAnOffsetCanAddressIsABadRequestNamingThePage() {
        given().queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get("/solves")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("page"));
    }

    private static String window() {
        return "RET" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "/" + WEEK;
    }

    private void allocation(String windowId, long version, Instant publishedAt) {
        Allocation allocation = new Allocation();
        allocation.id = UUID.randomUUID();
        allocation.windowId = windowId;
        allocation.department = windowId.substring(0, windowId.indexOf('/'));
        allocation.weekStart = WEEK;
        allocation.version = version;
        allocation.publishedAt = publishedAt;
        allocation.document = """
                {"windowId":"%s","version":%d,"assignments":[],"unfilled":[],"pinConflicts":[]}"""
                .formatted(windowId, version);
        em.persist(allocation);
    }

    private void run(String windowId, Instant startedAt) {
        SolveRun run = new SolveRun();
        run.id = UUID.randomUUID();
        run.windowId = windowId;
        run.trigger = Trigger.CHANGE;
        run.startedAt = startedAt;
        run.finishedAt = startedAt;
        run.outcome = Outcome.UNCHANGED;
        em.persist(run);
    }

    private List<Long> versions(String windowId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "SELECT a.version FROM Allocation a WHERE a.windowId = :w ORDER BY a.version", Long.class)
                .setParameter("w", windowId).getResultList());
    }
}
