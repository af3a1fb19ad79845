package org.rota.web.grid;

import java.time.LocalTime;

/** The three columns of a day: an activity belongs to the part its start falls in (department's zone). */
public enum DayPart {
    AM("AM", "morning"),
    PM("PM", "afternoon"),
    EVENING_NIGHT("Eve/night", "evening and night");

    private static final LocalTime NOON = LocalTime.NOON;
    private static final LocalTime EVENING = LocalTime.of(17, 0);

    private final String label;
    private final String spoken;

    DayPart(String label, String spoken) {
        this.label = label;
        this.spoken = spoken;
    }

    public static DayPart of(LocalTime start) {
        if (start.isBefore(NOON)) {
            return AM;
        }
        return start.isBefore(EVENING) ? PM : EVENING_NIGHT;
    }

    public String label() {
        return label;
    }

    public String spoken() {
        return spoken;
    }
}
