package org.rota.solver.service;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.repository.AllocationRepository;
import org.rota.solver.repository.PinRepository;
import org.rota.solver.repository.ReadModelLock;
import org.rota.solver.repository.ReadModelRepository;

/**
 * Test-only fault hook: the next input read of a window named here fails as a lost database connection would. Every
 * other window is built as usual, so the rest of the module's tests are unaffected.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FaultyProblemBuilder extends ProblemBuilder {

    private static final Set<String> FAIL_NEXT = ConcurrentHashMap.newKeySet();

    @Inject
    FaultyProblemBuilder(ReadModelRepository readModel, PinRepository pins, AllocationRepository allocations,
            SolverConfig config, ReadModelLock readModelLock, WorkElsewhere workElsewhere) {
        super(readModel, pins, allocations, config, readModelLock, workElsewhere);
    }

    /** For the client proxy: test classes are not transformed, so ArC cannot add this constructor itself. */
    protected FaultyProblemBuilder() {
        this(null, null, null, null, null, null);
    }

    public static void failNextBuildOf(String windowId) {
        FAIL_NEXT.add(windowId);
    }

    @Override
    public WindowProblem build(PlanningWindow window) {
        if (FAIL_NEXT.remove(window.id())) {
            throw new PersistenceException("Simulated: the connection to the database was lost");
        }
        return super.build(window);
    }
}
