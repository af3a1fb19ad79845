package org.rota.solver.rest;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.platform.problem.ProblemException;
import org.rota.platform.security.Roles;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.service.ProblemBuilder;
import org.rota.solver.service.WhatIfExecutor;
import org.rota.solver.service.WhatIfLimits;
import org.rota.solver.solver.AllocationSolver;
import org.rota.solver.solver.InvalidProblemException;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.SearchSettings;
import org.rota.solver.solver.Solution;
import org.rota.solver.solver.SolverOptions;

/**
 * Stateless: takes a whole problem, returns the solution with its objective breakdown, publishes nothing. A problem
 * beyond {@link WhatIfLimits} is a 400; while every what-if solver is busy and the queue is full, a 429.
 */
@Path("/what-if")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "What-if")
// reads: every role; each write names its own
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER, Roles.CREDENTIALING, Roles.ADMIN})
public class WhatIfResource {

    /** Enough to answer with the greedy construction when waiting took nearly all of the limit. */
    private static final double MIN_SECONDS = 0.1;

    private final AllocationSolver solver;
    private final SolverOptions defaults;
    private final WhatIfLimits limits;
    private final WhatIfExecutor executor;

    WhatIfResource(ProblemBuilder problems, WhatIfLimits limits, WhatIfExecutor executor, SolverConfig config) {
        this.defaults = problems.options();
        this.solver = new AllocationSolver(defaults, new SearchSettings(config.maxMemoryMb()));
        this.limits = limits;
        this.executor = executor;
    }

    @POST
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Solve a problem given whole, without touching Rota's state")
    public CompletionStage<Solution> solve(Problem problem) {
        if (problem == null) {
            throw ProblemException.badRequest("body", "A problem is required");
        }
        limits.check(problem);
        long accepted = System.nanoTime();
        return executor.submit(() -> {
            try {
                return solver.solve(withinTimeLimit(problem, accepted));
            } catch (InvalidProblemException e) {
                throw ProblemException.badRequest(e.field(), e.getMessage());
            }
        });
    }

    /** The time limit counts from when the request was accepted: time spent waiting for a solver is part of it. */
    private Problem withinTimeLimit(Problem problem, long acceptedNanos) {
        SolverOptions asked = problem.options() == null ? new SolverOptions(null, null, null, null, null, null)
                : problem.options();
        double limit = asked.orElse(defaults).timeLimitSeconds();
        double waited = (System.nanoTime() - acceptedNanos) / 1e9;
        return problem.withOptions(asked.withTimeLimitSeconds(Math.max(MIN_SECONDS, limit - waited)));
    }
}
