package org.rota.solver.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One solve of one planning window, with its statistics: the solve-run history. */
@Entity
@Table(name = "solve_run")
public class SolveRun extends PanacheEntityBase {

    public enum Trigger {
        /** Change events made the window dirty. */
        CHANGE,
        /** A user asked for it over REST. */
        REQUEST
    }

    public enum Outcome {
        RUNNING,
        /** A new allocation version was stored and published. */
        PUBLISHED,
        /** The solution equals the current allocation: nothing to publish. */
        UNCHANGED,
        /** Another window took one of the clinicians meanwhile: the window was marked dirty again. */
        REQUEUED,
        /**
         * The window's allocation was published from newer input than this solve read (another replica solved it
         * meanwhile, e.g. after a rebalance or while this one was paused): nothing was published.
         */
        SUPERSEDED,
        /**
         * The solver ended without a solution (INFEASIBLE, MODEL_INVALID): nothing was published, the previous
         * allocation stands; the window is solved again at its next change.
         */
        REFUSED,
        /** The window exceeds the solve budget; the detail gives its figures and the limits. */
        TOO_LARGE,
        /** The solve threw; nothing was published, and the window is solved again after a backoff. */
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "window_id", nullable = false)
    public String windowId;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    public Trigger trigger;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "solver_status")
    public String solverStatus;

    public Double objective;

    @Column(name = "best_bound")
    public Double bestBound;

    @Column(name = "model_millis")
    public Long modelMillis;

    @Column(name = "solve_millis")
    public Long solveMillis;

    @Column(name = "first_feasible_millis")
    public Long firstFeasibleMillis;

    public Integer activities;

    public Integer assignments;

    @Column(name = "unfilled_seats")
    public Integer unfilledSeats;

    @Column(name = "changed_assignments")
    public Integer changedAssignments;

    @Column(name = "allocation_version")
    public Long allocationVersion;

    public String detail;

    /** The database snapshot the solve read its input in: its input position (see {@code InputPosition}). */
    @Column(name = "input_snapshot")
    public String inputSnapshot;

    /** The solver-service replica that ran the solve. */
    @Column(name = "solved_by")
    public String solvedBy;
}
