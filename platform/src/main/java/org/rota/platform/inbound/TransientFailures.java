package org.rota.platform.inbound;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.StaleStateException;
import org.rota.platform.problem.ProblemException;

/**
 * Tells a failure that will pass (the database or a service briefly away, a lock or version race lost) from one that
 * the same message will meet again whatever happens: only the latter makes a message invalid.
 */
public final class TransientFailures {

    /**
     * PostgreSQL SQLSTATE classes and codes that say "not now" rather than "not this": connection exceptions (08),
     * transaction rollback (40: serialization failure, deadlock), insufficient resources (53), lock not available
     * (55P03), operator intervention (57: the server shutting down or starting, a statement cancelled), and a unique
     * key taken by a concurrent writer (23505), which the service's own check sees as an update when tried again.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57");
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "23505");

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidMessageException) {
                return false;
            }
            if (isTransientItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable failure) {
        if (failure instanceof DeadLetterException
                || failure instanceof OptimisticLockException
                || failure instanceof StaleStateException
                || failure instanceof PessimisticLockException
                || failure instanceof LockTimeoutException
                || failure instanceof SQLTransientException
                || failure instanceof SQLRecoverableException
                || failure instanceof RetriableException) {
            return true;
        }
        if (failure instanceof ProblemException problem) {
            // 503: a service this one depends on cannot answer now (e.g. credential-service for a procedure code)
            return problem.status() == 503;
        }
        if (failure instanceof SQLException sql) {
            String state = sql.getSQLState();
            // no SQLSTATE: raised by the connection pool (an acquisition timeout), not by the server judging the data
            return state == null
                    || TRANSIENT_STATES.contains(state)
                    || state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2));
        }
        return false;
    }

    private TransientFailures() {
    }
}
