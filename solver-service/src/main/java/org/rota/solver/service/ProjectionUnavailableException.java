package org.rota.solver.service;

/**
 * A batch of change events could not be applied for a reason that is not the events' own (the database away, a
 * failed commit): nothing of it was applied, and it must be retried, never dead-lettered.
 */
public class ProjectionUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProjectionUnavailableException(Throwable cause) {
        super("The read model cannot be written: " + cause.getMessage(), cause);
    }
}
