package org.rota.credential.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rota.credential.service.ExpiryAlertRule.Alert;

class ExpiryAlertRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private final ExpiryAlertRule rule = new ExpiryAlertRule(List.of(180, 90, 30, 14, 7));

    @Test
    void nothingIsDueBeyondTheLoosestThreshold() {
        assertThat(rule.due(TODAY.plusDays(181), TODAY, List.of())).isEmpty();
        assertThat(rule.horizonDays()).isEqualTo(180);
    }

    @Test
    void aThresholdIsCrossedOnTheDayTheDaysLeftReachIt() {
        assertThat(rule.due(TODAY.plusDays(180), TODAY, List.of())).contains(Alert.expiring(180));
        assertThat(rule.due(TODAY.plusDays(91), TODAY, List.of(Alert.expiring(180)))).isEmpty();
        assertThat(rule.due(TODAY.plusDays(90), TODAY, List.of(Alert.expiring(180)))).contains(Alert.expiring(90));
    }

    @Test
    void onlyTheTightestThresholdCrossedIsDue() {
        assertThat(rule.due(TODAY.plusDays(10), TODAY, List.of())).contains(Alert.expiring(14));
        assertThat(rule.due(TODAY.plusDays(29), TODAY, List.of(Alert.expiring(180)))).contains(Alert.expiring(30));
    }

    @Test
    void aLooserThresholdIsNeverDueAfterATighterOneWasSent() {
        assertThat(rule.due(TODAY.plusDays(10), TODAY, List.of(Alert.expiring(14)))).isEmpty();
        assertThat(rule.due(TODAY.plusDays(20), TODAY, List.of(Alert.expiring(14)))).isEmpty();
        assertThat(rule.due(TODAY.plusDays(5), TODAY, List.of(Alert.expiring(14)))).contains(Alert.expiring(7));
    }

    @Test
    void theLastValidDayStillCountsAsTheSevenDayWindowAndTheDayAfterIsExpired() {
        assertThat(rule.due(TODAY, TODAY, List.of())).contains(Alert.expiring(7));
        assertThat(ExpiryAlertRule.daysLeft(TODAY, TODAY)).isZero();
        assertThat(rule.due(TODAY, TODAY, List.of(Alert.expiring(7)))).isEmpty();
        assertThat(rule.due(TODAY.minusDays(1), TODAY, List.of(Alert.expiring(7)))).contains(Alert.EXPIRED);
    }

    @Test
    void expiredIsDueOnceAndAloneForACredentialRecordedAlreadyExpired() {
        assertThat(rule.due(TODAY.minusDays(400), TODAY, List.of())).contains(Alert.EXPIRED);
        assertThat(rule.due(TODAY.minusDays(400), TODAY, List.of(Alert.EXPIRED))).isEmpty();
        assertThat(rule.due(TODAY.plusDays(3), TODAY, List.of(Alert.EXPIRED))).isEmpty();
    }

    @Test
    void thresholdsMayBeConfiguredInAnyOrderButMustBePositive() {
        ExpiryAlertRule custom = new ExpiryAlertRule(List.of(7, 60));
        assertThat(custom.due(TODAY.plusDays(45), TODAY, List.of())).contains(Alert.expiring(60));
        assertThat(custom.thresholds()).containsExactly(60, 7);
        assertThatThrownBy(() -> new ExpiryAlertRule(List.of(30, 0))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new ExpiryAlertRule(List.of())).hasMessageContaining("at least one");
    }
}
