package org.rota.solver.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.platform.problem.ProblemException;
import org.rota.solver.service.ProblemBuilder;
import org.rota.solver.solver.AllocationSolver;
import org.rota.solver.solver.InvalidProblemException;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.Solution;

import io.smallrye.common.annotation.Blocking;

/** Stateless: takes a whole problem, returns the solution with its objective breakdown, publishes nothing. */
@Path("/what-if")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "What-if")
public class WhatIfResource {

    private final AllocationSolver solver;

    WhatIfResource(ProblemBuilder problems) {
        this.solver = new AllocationSolver(problems.options());
    }

    @POST
    @Blocking
    @Operation(summary = "Solve a problem given whole, without touching Rota's state")
    public Solution solve(Problem problem) {
        if (problem == null) {
            throw ProblemException.badRequest("body", "A problem is required");
        }
        try {
            return solver.solve(problem);
        } catch (InvalidProblemException e) {
            throw ProblemException.badRequest(e.field(), e.getMessage());
        }
    }
}
