package org.rota.activity.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.rota.events.CredentialLevel;
import org.rota.events.SeatGroup;
import org.rota.platform.problem.Problem.FieldError;

/**
 * The seat groups an activity request asks for, one definition for REST, bulk import and upserts. A request gives
 * the one-group shorthand ({@code requiredClinicians}, {@code minimumLevel}) or {@code seats}; given both, the
 * shorthand must be what the seats reduce to (their required seats and lowest required level), so that a client may
 * send back the representation it read, which carries both.
 */
public final class SeatPlan {

    /** The groups of a request that has no {@link #problems}. */
    public static List<SeatGroup> of(ActivityRequest request) {
        if (request.seats() == null) {
            return SeatGroup.shorthand(request.requiredClinicians(),
                    request.minimumLevel() == null ? CredentialLevel.QUALIFIED : request.minimumLevel());
        }
        return request.seats().stream().map(SeatGroupRequest::toSeatGroup).toList();
    }

    /**
     * What Bean Validation cannot see: the rules across fields and groups, each naming the field to fix. Fields Bean
     * Validation refuses (a null group, a missing count) are left to it.
     */
    public static List<FieldError> problems(ActivityRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.seats() == null) {
            if (request.requiredClinicians() == null) {
                errors.add(new FieldError("requiredClinicians", "must not be null unless seats are given"));
            }
            return errors;
        }
        List<SeatGroup> groups = new ArrayList<>();
        Map<CredentialLevel, Integer> firstIndexOfLevel = new EnumMap<>(CredentialLevel.class);
        for (int i = 0; i < request.seats().size(); i++) {
            SeatGroupRequest group = request.seats().get(i);
            if (group == null || group.minimumLevel() == null || group.count() == null) {
                continue;
            }
            Integer first = firstIndexOfLevel.putIfAbsent(group.minimumLevel(), i);
            if (first != null) {
                errors.add(new FieldError("seats[" + i + "].minimumLevel", "duplicates seats[" + first
                        + "].minimumLevel " + group.minimumLevel() + ": each level has one group; add up the counts"));
            }
            groups.add(group.toSeatGroup());
        }
        if (groups.size() < request.seats().size()) {
            return errors;
        }
        int seats = groups.stream().mapToInt(SeatGroup::count).sum();
        if (seats > ActivityRequest.MAX_REQUIRED_CLINICIANS) {
            errors.add(new FieldError("seats", "an activity has at most " + ActivityRequest.MAX_REQUIRED_CLINICIANS
                    + " seats, these groups " + seats));
        }
        int required = SeatGroup.requiredSeats(groups);
        CredentialLevel lowest = SeatGroup.lowestRequiredLevel(groups);
        if (required == 0) {
            errors.add(new FieldError("seats", "at least one seat group must be required (not optional)"));
        } else if (request.requiredClinicians() != null && request.requiredClinicians() != required
                || request.minimumLevel() != null && request.minimumLevel() != lowest) {
            errors.add(new FieldError("seats", "the seats ask for " + required + " required seat(s) of at least "
                    + lowest + ", which disagrees with requiredClinicians " + Objects.toString(
                            request.requiredClinicians(), "(none)") + " and minimumLevel " + Objects.toString(
                            request.minimumLevel(), "(none)") + "; give the seats or the shorthand"));
        }
        return errors;
    }

    private SeatPlan() {
    }
}
