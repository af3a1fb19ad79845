package org.rota.solver.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits of {@code POST /what-if}: what one request may ask for, and how many run at once. What-if solves run on their
 * own threads, so integrators and benchmarks never hold up the event-driven solves of planning windows.
 */
@ConfigMapping(prefix = "solver.what-if")
public interface WhatIfConfig {

    /** The longest time limit a request may ask for; it covers the whole call, waiting and model building included. */
    @WithDefault("60")
    double maxTimeLimitSeconds();

    @WithDefault("5000")
    int maxActivities();

    @WithDefault("1000")
    int maxClinicians();

    /**
     * The most (activity, clinician) pairs that could be eligible: clinicians holding a credential for the activity's
     * procedure, or every active clinician for an activity without one. The model has one variable per eligible pair.
     */
    @WithDefault("250000")
    long maxCandidatePairs();

    /** Clinicians one activity may ask for, as activity-service allows. */
    @WithDefault("50")
    int maxRequiredClinicians();

    /** From the first activity's start to the last one's end. */
    @WithDefault("366")
    int maxHorizonDays();

    /** What-if solves running at once. */
    @WithDefault("1")
    int concurrency();

    /** What-if requests waiting for a free solver; beyond that a request is refused with 429. */
    @WithDefault("2")
    int queue();

    /** Sent as {@code Retry-After} with a 429. */
    @WithDefault("10s")
    Duration retryAfter();
}
