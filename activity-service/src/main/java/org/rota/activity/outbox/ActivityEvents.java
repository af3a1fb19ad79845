package org.rota.activity.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.activity.domain.Absence;
import org.rota.activity.domain.Activity;
import org.rota.activity.domain.DayPreference;
import org.rota.activity.mapping.ActivityMapper;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.platform.outbox.Outbox;

/** Announces every committed change on {@code rota.activities.v1}, with the entity's full new state. */
@ApplicationScoped
public class ActivityEvents {

    private final Outbox outbox;

    ActivityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void activityChanged(Activity activity) {
        outbox.append(Topics.ACTIVITIES, EventTypes.ACTIVITY, EventTypes.key("activity", activity.id),
                activity.id.toString(), ActivityMapper.toEvent(activity));
    }

    public void absenceChanged(Absence absence) {
        outbox.append(Topics.ACTIVITIES, EventTypes.ABSENCE, EventTypes.key("absence", absence.id),
                absence.id.toString(), ActivityMapper.toEvent(absence));
    }

    public void preferenceChanged(DayPreference preference) {
        outbox.append(Topics.ACTIVITIES, EventTypes.DAY_PREFERENCE, EventTypes.key("preference", preference.id),
                preference.id.toString(), ActivityMapper.toEvent(preference));
    }
}
