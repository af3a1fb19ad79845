package org.rota.events;

/** Whether an activity still needs staffing. Cancelling is how an activity ends; it is never deleted. */
public enum ActivityStatus {
    SCHEDULED,
    CANCELLED
}
