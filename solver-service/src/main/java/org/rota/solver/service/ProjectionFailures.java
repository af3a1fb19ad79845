package org.rota.solver.service;

import java.sql.SQLException;

/**
 * Tells a failure that belongs to one record (applying it again will fail again) from one that belongs to the moment
 * (the database away, a deadlock, a serialisation conflict), by PostgreSQL's SQLSTATE classes.
 */
final class ProjectionFailures {

    /** SQLSTATE class 22: data exception (a value out of range, too long, a NUL byte). */
    private static final String DATA_EXCEPTION = "22";
    /** SQLSTATE class 23: integrity constraint violation (not null, unique, check). */
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    private ProjectionFailures() {
    }

    /**
     * True when the record itself is the cause: the database refused its values, or applying it failed in our own
     * code (a record that breaks an assumption). Any other SQL failure is the moment's.
     */
    static boolean refusesRecord(Exception failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return true;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith(DATA_EXCEPTION) || state.startsWith(INTEGRITY_CONSTRAINT_VIOLATION));
    }

    static String reason(Exception failure) {
        SQLException sql = sqlCause(failure);
        Throwable shown = sql == null ? failure : sql;
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    /** The deepest SQL exception of the chain: a batch update's next exception holds the statement's own state. */
    private static SQLException sqlCause(Throwable failure) {
        SQLException found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                found = sql.getNextException() != null ? sql.getNextException() : sql;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return found;
    }
}
