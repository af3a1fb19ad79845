package org.rota.solver.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.rota.solver.bench.InstanceGenerator.Spec;
import org.rota.solver.solver.AllocationSolver;
import org.rota.solver.solver.Assignment;
import org.rota.solver.solver.Credential;
import org.rota.solver.solver.CredentialStatus;
import org.rota.solver.solver.PreviousAssignment;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.RuleViolation;
import org.rota.solver.solver.SearchSettings;
import org.rota.solver.solver.Seat;
import org.rota.solver.solver.Solution;
import org.rota.solver.solver.SolveStatus;
import org.rota.solver.solver.SolverOptions;
import org.rota.solver.solver.UnfilledReason;
import org.rota.solver.solver.UnfilledSeat;

/**
 * Runs the solver on generated instances: one row per solve, then per instance the median and the worst over the seeds
 * of first feasible, objective, bound, gap and wall. Arguments (all optional):
 * {@code --only small,medium,shift,target,nurse,incremental} {@code --time <s>} (limit for full solves, default 30)
 * {@code --resolve-time <s>} (limit for the incremental re-solve, default 1) {@code --workers <n>} (default 2)
 * {@code --seeds <n>} (CP-SAT seeds per instance, default 1) {@code --seed <n>} (the first, default 0)
 * {@code --max-memory-mb <n>} (CP-SAT's memory cap, as {@code solver.max-memory-mb}) {@code --rest <s>} (then print
 * the process's peak resident memory, pause that long and print what it holds at rest: run it as its own JVM with the
 * service's flags, see BENCHMARKS.md)
 * {@code --write <dir>} (also write each instance as what-if JSON) {@code --reference} (the 24/7 instance only, for
 * 10 minutes: records its best bound in {@value #REFERENCE_FILE}, against which the timed runs report their gap).
 * <p>
 * "First feasible" is when the solver reported its first complete allocation (see {@link AllocationSolver.Progress});
 * the bench checks that allocation with the solver's own commit check ({@link AllocationSolver#violations}, i.e. the
 * hard rules) and fails if a rule is broken. Before the measured runs, one small solve warms the JVM up, as a running
 * service is.
 */
public final class SolverBench {

    static final String REFERENCE_FILE = "solver-service/src/test/resources/bench/reference-bounds.properties";
    private static final String REFERENCE_RESOURCE = "/bench/reference-bounds.properties";
    private static final double REFERENCE_SECONDS = 600;

    private static final String ROW = "%-22s %4s %5s %5s %5s %-9s %7s %7s %10s %10s %7s %7s %7s %6s%n";

    private SolverBench() {
    }

    static List<Spec> standardSpecs() {
        return List.of(
                new Spec("small", 20, 5, 1, 100, false, 1),
                new Spec("medium", 60, 10, 2, 500, false, 2),
                new Spec("shift", 80, 8, 2, 400, true, 3),
                new Spec("target", 200, 20, 4, 2000, false, 4),
                new Spec("incremental", 200, 20, 1, 500, false, 5));
    }

    /** The 24/7 instance's seed (the instance itself; the solver seeds vary with --seeds). */
    static final long NURSE_SEED = 24_7;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Set<String> only = new HashSet<>(Arrays.asList(
                options.getOrDefault("only", "small,medium,shift,target,nurse,incremental").split(",")));
        double time = Double.parseDouble(options.getOrDefault("time", "30"));
        double resolveTime = Double.parseDouble(options.getOrDefault("resolve-time", "1"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "2"));
        int firstSeed = Integer.parseInt(options.getOrDefault("seed", "0"));
        int seeds = Integer.parseInt(options.getOrDefault("seeds", "1"));
        Path write = options.containsKey("write") ? Path.of(options.get("write")) : null;
        AllocationSolver solver = new AllocationSolver(SolverOptions.defaults(), new SearchSettings(Integer.parseInt(
                options.getOrDefault("max-memory-mb", String.valueOf(SearchSettings.DEFAULT_MAX_MEMORY_MB)))));

        if (options.containsKey("reference")) {
            reference(solver, workers, firstSeed);
            return;
        }
        warmUp(solver);
        System.out.printf("cores available: %d, workers: %d, time limit: %.1f s, seeds %d..%d, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), workers, time, firstSeed, firstSeed + seeds - 1,
                loadAverage());
        header();
        List<Summary> summaries = new ArrayList<>();
        for (Spec spec : standardSpecs()) {
            if (!only.contains(spec.name())) {
                continue;
            }
            Problem problem = InstanceGenerator.generate(spec);
            if (write != null) {
                InstanceGenerator.write(problem, write.resolve(spec.name() + ".json"));
            }
            if (spec.name().equals("incremental")) {
                summaries.add(incremental(solver, problem, time, resolveTime, workers, firstSeed, seeds, write));
                continue;
            }
            summaries.add(seeded(spec.name(), solver, problem, time, workers, firstSeed, seeds, null));
        }
        if (only.contains("nurse")) {
            Problem nurse = NurseInstance.generate(NURSE_SEED);
            if (write != null) {
                InstanceGenerator.write(nurse, write.resolve("nurse.json"));
            }
            summaries.add(seeded("nurse (24/7)", solver, nurse, time, workers, firstSeed, seeds, referenceBound()));
        }
        if (options.containsKey("rest")) {
            // the solver's memory as the kernel sees it: the peak of the whole run, then what stays after a pause
            System.out.printf("%nresident memory: peak %s; ", memory("VmHWM"));
            System.gc();
            Thread.sleep((long) (Double.parseDouble(options.get("rest")) * 1000));
            System.out.printf("after %s s at rest %s%n", options.get("rest"), memory("VmRSS"));
        }
        System.out.printf("%nper instance over %d seed(s): median / worst; load average now %.2f%n", seeds,
                loadAverage());
        System.out.printf("%-22s %15s %21s %21s %15s %15s %15s%n", "instance", "first ms", "objective", "bound",
                "gap %", "wall ms", "status");
        for (Summary summary : summaries) {
            System.out.println(summary);
        }
    }

    /** Per-seed rows of one instance and their summary; {@code reference} (may be null) adds a gap to that bound. */
    private static Summary seeded(String name, AllocationSolver solver, Problem problem, double time, int workers,
                                  int firstSeed, int seeds, Long reference) {
        SolverOptions base = problem.options() == null ? new SolverOptions(null, null, null, null, null, null)
                : problem.options();
        List<Run> runs = new ArrayList<>();
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
            Problem timed = problem.withOptions(new SolverOptions(time, workers, seed, base.minRestMinutes(),
                    base.maxActivitiesPerDay(), null));
            Run run = timedSolve(solver, timed);
            row(name + " s" + seed, timed, run, reference);
            runs.add(run);
        }
        return new Summary(name, runs, reference);
    }

    /**
     * Solves one week, revokes the credential behind the most assignments of one clinician, and re-solves with the first
     * answer as the previous allocation, once per seed: each re-solve must be fast and change few assignments.
     */
    private static Summary incremental(AllocationSolver solver, Problem problem, double time, double resolveTime,
                                       int workers, int firstSeed, int seeds, Path write) throws IOException {
        SolverOptions base = problem.options() == null ? new SolverOptions(null, null, null, null, null, null)
                : problem.options();
        Problem initial = problem.withOptions(new SolverOptions(Math.min(time, 10), workers, firstSeed,
                base.minRestMinutes(), base.maxActivitiesPerDay(), null));
        Run first = timedSolve(solver, initial);
        row("incremental/initial", initial, first, null);

        Map<String, String> procedureOf = problem.activities().stream()
                .filter(activity -> activity.procedureCode() != null)
                .collect(Collectors.toMap(activity -> activity.id(), activity -> activity.procedureCode()));
        Map<List<String>, Long> uses = first.solution.assignments().stream()
                .filter(assignment -> procedureOf.containsKey(assignment.activityId()))
                .collect(Collectors.groupingBy(
                        assignment -> List.of(assignment.clinicianId(), procedureOf.get(assignment.activityId())),
                        HashMap::new, Collectors.counting()));
        List<String> revoked = uses.entrySet().stream()
                .max(Map.Entry.<List<String>, Long>comparingByValue().thenComparing(e -> e.getKey().toString()))
                .orElseThrow().getKey();
        List<Credential> credentials = new ArrayList<>();
        for (Credential credential : problem.credentials()) {
            boolean hit = credential.clinicianId().equals(revoked.get(0))
                    && credential.procedureCode().equals(revoked.get(1));
            credentials.add(hit ? new Credential(credential.clinicianId(), credential.procedureCode(),
                    credential.level(), credential.validFrom(), credential.validUntil(), CredentialStatus.REVOKED,
                    credential.maxPerWeek()) : credential);
        }
        List<PreviousAssignment> previous = first.solution.assignments().stream()
                .map(assignment -> new PreviousAssignment(assignment.activityId(), assignment.clinicianId()))
                .toList();
        Set<String> before = first.solution.assignments().stream().map(SolverBench::key).collect(Collectors.toSet());
        List<Run> runs = new ArrayList<>();
        List<Double> changed = new ArrayList<>();
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
            Problem after = problem.withCredentials(credentials).withPrevious(previous)
                    .withOptions(new SolverOptions(resolveTime, workers, seed, base.minRestMinutes(),
                            base.maxActivitiesPerDay(), null));
            if (write != null && seed == firstSeed) {
                InstanceGenerator.write(after, write.resolve("incremental-after-revocation.json"));
            }
            Run second = timedSolve(solver, after);
            row("incremental/re-solve s" + seed, after, second, null);
            Set<String> now = second.solution.assignments().stream().map(SolverBench::key).collect(Collectors.toSet());
            long dropped = before.stream().filter(k -> !now.contains(k)).count();
            changed.add(100.0 * dropped / before.size());
            System.out.printf("%-22s revoked %s/%s (%d assignments): dropped %d of %d = %.2f %% changed%n", "",
                    revoked.get(0), revoked.get(1), uses.get(revoked), dropped, before.size(), changed.get(changed.size() - 1));
            runs.add(second);
        }
        Summary summary = new Summary("incremental/re-solve", runs, null);
        changed.sort(Comparator.naturalOrder());
        System.out.printf("incremental re-solves: changed median %.2f %%, worst %.2f %%; OPTIMAL in %d of %d%n",
                changed.get(changed.size() / 2), changed.get(changed.size() - 1),
                runs.stream().filter(run -> run.solution.status() == SolveStatus.OPTIMAL).count(), runs.size());
        return summary;
    }

    /** The 24/7 instance for ten minutes: its best bound becomes the reference of the timed runs. */
    private static void reference(AllocationSolver solver, int workers, int seed) throws IOException {
        Problem nurse = NurseInstance.generate(NURSE_SEED);
        SolverOptions base = nurse.options();
        Problem timed = nurse.withOptions(new SolverOptions(REFERENCE_SECONDS, workers, seed, base.minRestMinutes(),
                base.maxActivitiesPerDay(), null));
        header();
        Run run = timedSolve(solver, timed);
        row("nurse reference", timed, run, null);
        Properties properties = new Properties();
        properties.setProperty("nurse.bound", String.valueOf(run.solution.bestBound()));
        properties.setProperty("nurse.objective", String.valueOf(run.solution.objective()));
        Path file = Path.of(REFERENCE_FILE);
        Files.createDirectories(file.getParent());
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, "NurseInstance seed %d: best bound and objective of a %.0f-s run, %d workers, seed %d"
                    .formatted(NURSE_SEED, REFERENCE_SECONDS, workers, seed));
        }
        System.out.println("wrote " + file.toAbsolutePath());
    }

    private static Long referenceBound() throws IOException {
        try (InputStream in = SolverBench.class.getResourceAsStream(REFERENCE_RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String bound = properties.getProperty("nurse.bound");
            return bound == null || bound.equals("null") ? null : Long.valueOf(bound);
        }
    }

    private static void warmUp(AllocationSolver solver) {
        Problem small = InstanceGenerator.generate(standardSpecs().get(0));
        solver.solve(small.withOptions(new SolverOptions(2.0, 2, 0, null, null, null)));
    }

    private static String key(Assignment assignment) {
        return assignment.activityId() + "/" + assignment.clinicianId();
    }

    /** One solve: its answer, its wall time, and when the first complete allocation came. */
    private record Run(Solution solution, long wallMillis, Long firstMillis) {
    }

    private static Run timedSolve(AllocationSolver solver, Problem problem) {
        List<Assignment>[] first = new List[1];
        long[] firstMillis = {-1};
        long started = System.nanoTime();
        Solution solution = solver.solve(problem, (millis, objective, assignments, phase) -> {
            if (first[0] == null) {
                first[0] = assignments;
                firstMillis[0] = millis;
            }
        });
        long wall = (System.nanoTime() - started) / 1_000_000;
        if (first[0] != null) {
            List<RuleViolation> violations = solver.violations(problem, first[0]);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("the first allocation breaks hard rules: " + violations);
            }
        }
        List<RuleViolation> violations = solver.violations(problem, solution.assignments());
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the answer breaks hard rules: " + violations);
        }
        return new Run(solution, wall, first[0] == null ? null : firstMillis[0]);
    }

    private static void header() {
        System.out.printf(ROW, "instance", "clin", "acts", "seats", "unf.", "status", "model", "first", "objective",
                "bound", "gap%", "ref.gap", "wall", "load");
    }

    private static void row(String name, Problem problem, Run run, Long reference) {
        Solution s = run.solution;
        int seats = problem.activities().stream()
                .mapToInt(activity -> activity.seats().stream().mapToInt(Seat::count).sum()).sum();
        Double gap = s.gapPercent();
        System.out.printf(ROW, name, problem.clinicians().size(), problem.activities().size(), seats,
                s.unfilledSeatCount(), s.status(), s.timings().modelMillis(), run.firstMillis, s.objective(),
                s.bestBound(), gap == null ? "-" : "%.2f".formatted(gap),
                reference == null ? "-" : "%.2f".formatted(gap(s.objective(), reference)), run.wallMillis,
                "%.1f".formatted(loadAverage()));
        System.out.printf("%-22s breakdown %s; unfilled reasons %s%n", "", s.breakdown().counts(), reasons(s));
    }

    private static double gap(Long objective, long bound) {
        return objective == null ? Double.NaN : 100.0 * Math.abs(objective - bound) / Math.max(1, Math.abs(objective));
    }

    /** Median and worst of each figure over the runs of one instance. */
    private record Summary(String name, List<Run> runs, Long reference) {

        @Override
        public String toString() {
            return "%-22s %15s %21s %21s %15s %15s %15s".formatted(name,
                    figure(run -> run.firstMillis == null ? Double.POSITIVE_INFINITY : run.firstMillis, true, "%.0f"),
                    figure(run -> value(run.solution.objective()), true, "%.0f"),
                    figure(run -> value(run.solution.bestBound()), false, "%.0f"),
                    figure(run -> {
                        Double gap = reference == null ? run.solution.gapPercent()
                                : Double.valueOf(gap(run.solution.objective(), reference));
                        return gap == null ? Double.POSITIVE_INFINITY : gap;
                    }, true, "%.2f"),
                    figure(run -> run.wallMillis, true, "%.0f"),
                    runs.stream().filter(run -> run.solution.status() == SolveStatus.OPTIMAL).count() + "/"
                            + runs.size() + " OPTIMAL");
        }

        private static double value(Long figure) {
            return figure == null ? Double.NaN : figure;
        }

        /** "median / worst", worst being the highest unless {@code higherIsWorse} is false. */
        private String figure(ToDoubleFunction<Run> of, boolean higherIsWorse, String format) {
            double[] values = runs.stream().mapToDouble(of).sorted().toArray();
            double median = values.length % 2 == 1 ? values[values.length / 2]
                    : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
            double worst = higherIsWorse ? values[values.length - 1] : values[0];
            return (format + " / " + format).formatted(median, worst);
        }
    }

    /** A figure of /proc/self/status (Linux), in MB. */
    private static String memory(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith(field + ":"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB").findFirst().orElse("unknown");
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Map<UnfilledReason, Integer> reasons(Solution solution) {
        Map<UnfilledReason, Integer> counts = new java.util.EnumMap<>(UnfilledReason.class);
        for (UnfilledSeat seat : solution.unfilled()) {
            counts.merge(seat.reason(), seat.seats(), Integer::sum);
        }
        return counts;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++i]);
        }
        return options;
    }
}
