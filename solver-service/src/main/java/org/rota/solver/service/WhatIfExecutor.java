package org.rota.solver.service;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.rota.platform.problem.ProblemException;
import org.rota.solver.config.WhatIfConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

/**
 * The threads what-if solves run on: a fixed number at once and a short queue, so a burst of what-if requests gets
 * 429 instead of taking the cores, the heap or the request threads from the event-driven solves.
 */
@ApplicationScoped
public class WhatIfExecutor {

    private final ThreadPoolExecutor executor;
    private final long retryAfterSeconds;

    WhatIfExecutor(WhatIfConfig config, MeterRegistry registry) {
        BlockingQueue<Runnable> queue = config.queue() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(config.queue());
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(config.concurrency(), config.concurrency(), 0, TimeUnit.MILLISECONDS,
                queue, task -> {
                    Thread thread = new Thread(task, "what-if-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
        ExecutorServiceMetrics.monitor(registry, executor, "what-if");
    }

    /** Runs the task on a what-if thread; a 429 with {@code Retry-After} when every thread and queue place is taken. */
    public <T> CompletionStage<T> submit(Supplier<T> task) {
        try {
            return CompletableFuture.supplyAsync(task, executor);
        } catch (RejectedExecutionException full) {
            throw new ProblemException(429, "Too many what-if requests",
                    "Every what-if solver is busy and the queue is full; try again later", null,
                    Map.of("Retry-After", Long.toString(retryAfterSeconds)));
        }
    }

    /** What-if solves running or waiting. */
    public int pending() {
        return executor.getActiveCount() + executor.getQueue().size();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
