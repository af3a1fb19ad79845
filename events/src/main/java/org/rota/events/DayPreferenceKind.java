package org.rota.events;

/** Whether a clinician would like to work on a day, or would rather not. */
public enum DayPreferenceKind {
    DESIRED,
    UNDESIRED
}
