package org.rota.solver.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rota.platform.problem.ProblemException;
import org.rota.solver.config.WhatIfConfig;
import org.rota.solver.solver.Activity;
import org.rota.solver.solver.Clinician;
import org.rota.solver.solver.Credential;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.SolverOptions;

/**
 * Refuses a what-if problem that would run longer, use more cores or build a larger model than the service allows,
 * before any of it is built: each limit is a 400 naming the field. Counting is linear in the size of the request.
 */
@ApplicationScoped
public class WhatIfLimits {

    private final WhatIfConfig limits;
    private final int cores;

    @Inject
    WhatIfLimits(WhatIfConfig limits) {
        this(limits, Runtime.getRuntime().availableProcessors());
    }

    WhatIfLimits(WhatIfConfig limits, int cores) {
        this.limits = limits;
        this.cores = cores;
    }

    public void check(Problem problem) {
        checkOptions(problem.options());
        atMost(problem.activities().size(), limits.maxActivities(), "activities", "activities");
        atMost(problem.clinicians().size(), limits.maxClinicians(), "clinicians", "clinicians");
        Instant first = null;
        Instant last = null;
        for (Activity activity : problem.activities()) {
            atMost(activity.seatCount(), limits.maxRequiredClinicians(),
                    activity.requiredClinicians() != null ? "activities[].requiredClinicians" : "activities[].seats",
                    "clinicians per activity");
            first = first == null || activity.start().isBefore(first) ? activity.start() : first;
            last = last == null || activity.end().isAfter(last) ? activity.end() : last;
        }
        if (first != null && Duration.between(first, last).compareTo(Duration.ofDays(limits.maxHorizonDays())) > 0) {
            throw ProblemException.badRequest("activities[].end", "the activities span from " + first + " to " + last
                    + "; a what-if covers at most " + limits.maxHorizonDays() + " days");
        }
        atMost(candidatePairs(problem), limits.maxCandidatePairs(), "activities",
                "(activity, clinician) pairs that could be eligible");
    }

    private void checkOptions(SolverOptions options) {
        if (options == null) {
            return;
        }
        if (options.timeLimitSeconds() != null && options.timeLimitSeconds() > limits.maxTimeLimitSeconds()) {
            throw ProblemException.badRequest("options.timeLimitSeconds",
                    "options.timeLimitSeconds must be at most " + limits.maxTimeLimitSeconds());
        }
        if (options.workers() != null && options.workers() > cores) {
            throw ProblemException.badRequest("options.workers",
                    "options.workers must be at most " + cores + ", the cores this service has");
        }
    }

    /** An upper bound of the eligible pairs: validity, level and absences are only judged once the model is built. */
    static long candidatePairs(Problem problem) {
        long active = problem.clinicians().stream().filter(Clinician::active).count();
        Map<String, Set<String>> holders = new HashMap<>();
        for (Credential credential : problem.credentials()) {
            holders.computeIfAbsent(credential.procedureCode(), code -> new HashSet<>()).add(credential.clinicianId());
        }
        long pairs = 0;
        for (Activity activity : problem.activities()) {
            pairs += activity.procedureCode() == null ? active
                    : holders.getOrDefault(activity.procedureCode(), Set.of()).size();
        }
        return pairs;
    }

    private static void atMost(long count, long limit, String field, String what) {
        if (count > limit) {
            throw ProblemException.badRequest(field, "the problem has " + count + " " + what + "; at most " + limit
                    + " are allowed");
        }
    }
}
