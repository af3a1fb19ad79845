package org.rota.credential.service;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.credential.config.HospitalConfig;

/**
 * The hospital's date. A credential is valid through its {@code validUntil} in the hospital's zone, so "today" is
 * the date there (not the JVM's zone, which is UTC in a container): the one definition that expiry warnings and
 * {@code expiringWithinDays} count days from.
 */
@ApplicationScoped
public class HospitalCalendar {

    private final Clock clock;
    private final HospitalConfig hospital;

    HospitalCalendar(Clock clock, HospitalConfig hospital) {
        this.clock = clock;
        this.hospital = hospital;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), hospital.zone());
    }
}
