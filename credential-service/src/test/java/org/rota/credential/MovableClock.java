package org.rota.credential;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests: the system clock until a test sets a day, so that expiry can be tried on the days a
 * warning falls due instead of waiting for them. Tests set it back when done.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {

    private static final ZoneId HOSPITAL = ZoneId.of("Europe/London");

    private volatile Instant fixed;

    /** Noon of that date in the hospital's zone (rota.hospital.zone). */
    public void setToday(LocalDate today) {
        fixed = today.atTime(LocalTime.NOON).atZone(HOSPITAL).toInstant();
    }

    public void set(Instant now) {
        fixed = now;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service reads instants only");
    }
}
