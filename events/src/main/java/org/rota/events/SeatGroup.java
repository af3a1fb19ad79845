package org.rota.events;

import java.util.Collection;
import java.util.List;

/**
 * {@code count} seats of an activity that take a holder of {@code minimumLevel} (a TRAINEE seat: a trainee only).
 * An {@code optional} seat may stay empty at a lower cost; omitted, it is required.
 */
public record SeatGroup(CredentialLevel minimumLevel, int count, boolean optional) {

    /** The one group the shorthand {@code requiredClinicians} + {@code minimumLevel} stands for. */
    public static List<SeatGroup> shorthand(int requiredClinicians, CredentialLevel minimumLevel) {
        return List.of(new SeatGroup(minimumLevel, requiredClinicians, false));
    }

    /** The shorthand's {@code requiredClinicians} of these groups, for v1 readers: the seats that must be filled. */
    public static int requiredSeats(Collection<SeatGroup> groups) {
        return groups.stream().filter(group -> !group.optional()).mapToInt(SeatGroup::count).sum();
    }

    /** The shorthand's {@code minimumLevel} of these groups: the lowest level among the required ones (null if none). */
    public static CredentialLevel lowestRequiredLevel(Collection<SeatGroup> groups) {
        return groups.stream().filter(group -> !group.optional()).map(SeatGroup::minimumLevel)
                .min(Enum::compareTo).orElse(null);
    }
}
