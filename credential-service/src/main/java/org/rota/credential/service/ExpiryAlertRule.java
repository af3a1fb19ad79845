package org.rota.credential.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which expiry alert a credential is due, if any: the one definition of the warning rule (plain Java, no Quarkus).
 * <ul>
 * <li>After {@code validUntil} (its last valid day): EXPIRED, once.</li>
 * <li>Otherwise, with {@code daysLeft} = days from today to {@code validUntil}: the tightest threshold already crossed
 * (the smallest threshold ≥ daysLeft), unless that one or a tighter one, or EXPIRED, was already sent for this
 * {@code validUntil}. So 10 days left gives only the 14-day warning, and the looser ones are never sent after it.</li>
 * </ul>
 * "Sent" is per {@code validUntil}: a renewal starts again.
 */
public final class ExpiryAlertRule {

    public enum Kind { EXPIRING, EXPIRED }

    /** An alert: EXPIRING with its threshold in days, or EXPIRED (threshold 0). */
    public record Alert(Kind kind, int threshold) {

        public static final Alert EXPIRED = new Alert(Kind.EXPIRED, 0);

        public static Alert expiring(int threshold) {
            return new Alert(Kind.EXPIRING, threshold);
        }
    }

    private final NavigableSet<Integer> thresholds;

    public ExpiryAlertRule(Collection<Integer> thresholdDays) {
        if (thresholdDays.isEmpty()) {
            throw new IllegalArgumentException("rota.credentials.alerts.thresholds needs at least one threshold");
        }
        for (Integer days : thresholdDays) {
            if (days == null || days < 1) {
                throw new IllegalArgumentException(
                        "rota.credentials.alerts.thresholds must be whole days of at least 1, not " + days);
            }
        }
        this.thresholds = new TreeSet<>(thresholdDays);
    }

    /** How far ahead anything can be due: a credential valid beyond today plus this needs no warning yet. */
    public int horizonDays() {
        return thresholds.last();
    }

    /** The alert due today for a credential valid through {@code validUntil}, given those already sent for it. */
    public Optional<Alert> due(LocalDate validUntil, LocalDate today, Collection<Alert> sent) {
        if (sent.contains(Alert.EXPIRED)) {
            return Optional.empty();
        }
        if (today.isAfter(validUntil)) {
            return Optional.of(Alert.EXPIRED);
        }
        Integer tightestCrossed = thresholds.ceiling(daysLeft(validUntil, today));
        if (tightestCrossed == null) {
            return Optional.empty();
        }
        boolean sameOrTighterSent = sent.stream()
                .anyMatch(alert -> alert.kind() == Kind.EXPIRING && alert.threshold() <= tightestCrossed);
        return sameOrTighterSent ? Optional.empty() : Optional.of(Alert.expiring(tightestCrossed));
    }

    /** Days from {@code today} to the last valid day: 0 on that day itself. */
    public static int daysLeft(LocalDate validUntil, LocalDate today) {
        return (int) ChronoUnit.DAYS.between(today, validUntil);
    }

    public List<Integer> thresholds() {
        return List.copyOf(thresholds.descendingSet());
    }
}
