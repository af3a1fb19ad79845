package org.rota.solver.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.domain.SolveRun;
import org.rota.solver.domain.SolveRun.Outcome;
import org.rota.solver.domain.SolveRun.Trigger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Coalesces requests to solve a window: a window is solved once no new request for it has come for the debounce
 * (but at the latest {@code maxDebounce} after the first), so a burst of changes becomes one solve and does not compete
 * for the CPU with its own ingestion. A request that arrives while the window is being solved gets a fresh solve right
 * after, never a second one at the same time.
 * Solves run one at a time on this replica (CP-SAT uses the cores itself); windows spread across replicas by the
 * work topic's partitions. A solve that fails is tried again after a backoff that doubles up to a maximum, and its
 * requests complete (so their work records are acknowledged) only when a solve succeeds.
 */
@ApplicationScoped
public class DirtyWindowQueue {

    private static final Logger LOG = Logger.getLogger(DirtyWindowQueue.class);

    private final WindowSolver solver;
    private final SolveWorkerHeartbeat heartbeat;
    private final long debounceMillis;
    private final long maxDebounceMillis;
    private final long initialBackoffMillis;
    private final long maxBackoffMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            task -> new Thread(task, "dirty-window-timer"));
    private final ExecutorService solving = Executors.newSingleThreadExecutor(task -> new Thread(task, "window-solver"));
    private final Map<String, WindowState> windows = new HashMap<>();

    DirtyWindowQueue(WindowSolver solver, SolveWorkerHeartbeat heartbeat, SolverConfig config) {
        this.solver = solver;
        this.heartbeat = heartbeat;
        this.debounceMillis = config.debounce().toMillis();
        this.maxDebounceMillis = config.maxDebounce().toMillis();
        this.initialBackoffMillis = config.retry().initialBackoff().toMillis();
        this.maxBackoffMillis = config.retry().maxBackoff().toMillis();
    }

    private static final class WindowState {
        CompletableFuture<SolveRun> waiting;
        Trigger trigger;
        boolean solving;
        /** Failed solves in a row. */
        int failures;
        long firstRequestAt;
        long lastRequestAt;
    }

    /** Completes when a solve of the window that started after this request has finished. */
    public synchronized CompletableFuture<SolveRun> request(PlanningWindow window, Trigger trigger) {
        WindowState state = windows.computeIfAbsent(window.id(), id -> new WindowState());
        if (trigger == Trigger.REQUEST || state.trigger == null) {
            state.trigger = trigger;
        }
        long now = System.currentTimeMillis();
        state.lastRequestAt = now;
        if (state.waiting == null) {
            state.waiting = new CompletableFuture<>();
            state.firstRequestAt = now;
            if (!state.solving) {
                schedule(window, state, debounceMillis);
            }
        }
        return state.waiting;
    }

    private void schedule(PlanningWindow window, WindowState state, long delayMillis) {
        timer.schedule(() -> startWhenQuiet(window, state), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Waits on while requests keep coming, up to the maximum debounce; then hands the window to the solver. */
    private synchronized void startWhenQuiet(PlanningWindow window, WindowState state) {
        long now = System.currentTimeMillis();
        long quietAt = Math.min(state.lastRequestAt + debounceMillis, state.firstRequestAt + maxDebounceMillis);
        if (now < quietAt) {
            schedule(window, state, quietAt - now);
        } else {
            solving.execute(() -> solve(window, state));
        }
    }

    private void solve(PlanningWindow window, WindowState state) {
        CompletableFuture<SolveRun> done;
        Trigger trigger;
        synchronized (this) {
            done = state.waiting;
            trigger = state.trigger;
            state.waiting = null;
            state.trigger = null;
            state.solving = true;
        }
        SolveRun run = null;
        heartbeat.solving(window, Instant.now());
        try {
            run = solver.solve(window, trigger);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Solving %s failed", window);
        } catch (Error e) {
            heartbeat.died(e);
            throw e;
        } finally {
            heartbeat.idle();
            finished(window, state, done, trigger, run);
        }
    }

    private synchronized void finished(PlanningWindow window, WindowState state, CompletableFuture<SolveRun> done,
            Trigger trigger, SolveRun run) {
        state.solving = false;
        if (run == null || run.outcome == Outcome.FAILED) {
            retryLater(window, state, done, trigger);
            return;
        }
        state.failures = 0;
        done.complete(run);
        if (state.waiting != null) {
            state.firstRequestAt = System.currentTimeMillis();
            schedule(window, state, 0);
        } else {
            windows.remove(window.id());
        }
    }

    /** The requests of a failed solve wait for the next one, together with any that came meanwhile. */
    private void retryLater(PlanningWindow window, WindowState state, CompletableFuture<SolveRun> done,
            Trigger trigger) {
        state.failures++;
        if (state.waiting == null) {
            state.waiting = done;
            state.trigger = trigger;
        } else {
            state.waiting.whenComplete((run, failure) -> {
                if (failure == null) {
                    done.complete(run);
                } else {
                    done.completeExceptionally(failure);
                }
            });
            if (trigger == Trigger.REQUEST) {
                state.trigger = trigger;
            }
        }
        long backoff = backoffMillis(state.failures);
        long now = System.currentTimeMillis();
        state.firstRequestAt = now + backoff; // the maximum debounce counts from the retry
        LOG.warnf("%s failed %d time(s) in a row; solving it again in %d ms", window, state.failures, backoff);
        schedule(window, state, backoff);
    }

    long backoffMillis(int failures) {
        long backoff = initialBackoffMillis << Math.min(failures - 1, 20);
        return Math.min(backoff, maxBackoffMillis);
    }

    /** Before the database goes away: waiting windows stay unacknowledged on the work topic for the next owner. */
    void stop(@Observes ShutdownEvent shutdown) {
        timer.shutdownNow();
        solving.shutdownNow();
    }
}
