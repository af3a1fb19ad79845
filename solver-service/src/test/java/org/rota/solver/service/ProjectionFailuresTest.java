package org.rota.solver.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** What the database refuses because of the record goes to the dead-letter topic; what fails for the moment is retried. */
class ProjectionFailuresTest {

    @Test
    void aConstraintViolationOrABadValueIsTheRecordsFault() {
        assertThat(ProjectionFailures.refusesRecord(new SQLException("duplicate key", "23505"))).isTrue();
        assertThat(ProjectionFailures.refusesRecord(new SQLException("value too long", "22001"))).isTrue();
        assertThat(ProjectionFailures.refusesRecord(new SQLException("invalid byte sequence", "22021"))).isTrue();
    }

    @Test
    void theDatabaseBeingAwayOrADeadlockIsTheMoments() {
        assertThat(ProjectionFailures.refusesRecord(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(ProjectionFailures.refusesRecord(new SQLException("terminating connection", "57P01"))).isFalse();
        assertThat(ProjectionFailures.refusesRecord(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(ProjectionFailures.refusesRecord(new SQLException("no state"))).isFalse();
    }

    @Test
    void aBatchedStatementIsJudgedByTheStatementsOwnFailure() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "", 0, new int[0], null);
        batch.setNextException(new SQLException("value too long", "22001"));
        assertThat(ProjectionFailures.refusesRecord(batch)).isTrue();
    }

    @Test
    void aFailureInOurOwnCodeOnOneRecordIsThatRecordsFault() {
        assertThat(ProjectionFailures.refusesRecord(new IllegalStateException("unexpected"))).isTrue();
    }

    @Test
    void theReasonIsTheDatabasesOwnMessage() {
        assertThat(ProjectionFailures.reason(new RuntimeException(new SQLException("value too long", "22001"))))
                .isEqualTo("value too long");
    }
}
