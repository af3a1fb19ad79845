package org.rota.solver.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rota.solver.bench.InstanceGenerator.Spec;
import org.rota.solver.solver.AllocationSolver;
import org.rota.solver.solver.Assignment;
import org.rota.solver.solver.Credential;
import org.rota.solver.solver.CredentialStatus;
import org.rota.solver.solver.PreviousAssignment;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.Solution;
import org.rota.solver.solver.SolverOptions;
import org.rota.solver.solver.UnfilledReason;
import org.rota.solver.solver.UnfilledSeat;

/**
 * Runs the solver on generated instances and prints one table row per solve. Arguments (all optional):
 * {@code --only small,medium,shift,target,incremental} {@code --time <s>} (limit for full solves, default 30)
 * {@code --resolve-time <s>} (limit for the incremental re-solve, default 1) {@code --workers <n>} (default 2)
 * {@code --seed <n>} {@code --write <dir>} (also write each instance as what-if JSON).
 */
public final class SolverBench {

    private static final String ROW = "%-24s %6s %6s %6s %-9s %8s %8s %12s %12s %7s %8s %8s%n";

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

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Set<String> only = new HashSet<>(Arrays.asList(
                options.getOrDefault("only", "small,medium,shift,target,incremental").split(",")));
        double time = Double.parseDouble(options.getOrDefault("time", "30"));
        double resolveTime = Double.parseDouble(options.getOrDefault("resolve-time", "1"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "2"));
        int seed = Integer.parseInt(options.getOrDefault("seed", "0"));
        Path write = options.containsKey("write") ? Path.of(options.get("write")) : null;

        AllocationSolver solver = new AllocationSolver();
        System.out.printf("cores available: %d, workers: %d, time limit: %.1f s%n",
                Runtime.getRuntime().availableProcessors(), workers, time);
        System.out.printf(ROW, "instance", "clin", "acts", "seats", "status", "model", "first", "objective", "bound",
                "gap%", "wall", "unfilled");
        for (Spec spec : standardSpecs()) {
            if (!only.contains(spec.name())) {
                continue;
            }
            Problem problem = InstanceGenerator.generate(spec);
            SolverOptions base = problem.options() == null ? new SolverOptions(null, null, null, null, null, null)
                    : problem.options();
            if (write != null) {
                InstanceGenerator.write(problem, write.resolve(spec.name() + ".json"));
            }
            if (spec.name().equals("incremental")) {
                incremental(solver, problem, base, time, resolveTime, workers, seed, write);
                continue;
            }
            Problem timed = problem.withOptions(new SolverOptions(time, workers, seed, base.minRestMinutes(),
                    base.maxActivitiesPerDay(), null));
            row(spec.name(), timed, timedSolve(solver, timed));
        }
    }

    /**
     * Solves one week, revokes the credential behind the most assignments of one clinician, and re-solves with the first
     * answer as the previous allocation: the re-solve must be fast and change few assignments.
     */
    private static void incremental(AllocationSolver solver, Problem problem, SolverOptions base, double time,
                                    double resolveTime, int workers, int seed, Path write) throws Exception {
        Problem initial = problem.withOptions(new SolverOptions(Math.min(time, 10), workers, seed,
                base.minRestMinutes(), base.maxActivitiesPerDay(), null));
        Timed first = timedSolve(solver, initial);
        row("incremental/initial", initial, first);

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
        Problem changed = problem.withCredentials(credentials).withPrevious(previous)
                .withOptions(new SolverOptions(resolveTime, workers, seed, base.minRestMinutes(),
                        base.maxActivitiesPerDay(), null));
        if (write != null) {
            InstanceGenerator.write(changed, write.resolve("incremental-after-revocation.json"));
        }
        Timed second = timedSolve(solver, changed);
        row("incremental/re-solve", changed, second);

        Set<String> before = first.solution.assignments().stream().map(SolverBench::key).collect(Collectors.toSet());
        Set<String> after = second.solution.assignments().stream().map(SolverBench::key).collect(Collectors.toSet());
        long dropped = before.stream().filter(k -> !after.contains(k)).count();
        long added = after.stream().filter(k -> !before.contains(k)).count();
        System.out.printf("incremental: revoked %s/%s (%d assignments); re-solve dropped %d and added %d of %d "
                        + "assignments = %.2f %% changed; first feasible %s ms, wall %d ms%n",
                revoked.get(0), revoked.get(1), uses.get(revoked), dropped, added, before.size(),
                100.0 * dropped / before.size(), second.solution.timings().firstFeasibleMillis(), second.wallMillis);
    }

    private static String key(Assignment assignment) {
        return assignment.activityId() + "/" + assignment.clinicianId();
    }

    private record Timed(Solution solution, long wallMillis) {
    }

    private static Timed timedSolve(AllocationSolver solver, Problem problem) {
        long started = System.nanoTime();
        Solution solution = solver.solve(problem);
        return new Timed(solution, (System.nanoTime() - started) / 1_000_000);
    }

    private static void row(String name, Problem problem, Timed timed) {
        Solution s = timed.solution;
        int seats = problem.activities().stream().mapToInt(activity -> activity.requiredClinicians()).sum();
        Double gap = s.gapPercent();
        System.out.printf(ROW, name, problem.clinicians().size(), problem.activities().size(), seats, s.status(),
                s.timings().modelMillis(), s.timings().firstFeasibleMillis(), s.objective(), s.bestBound(),
                gap == null ? "-" : "%.2f".formatted(gap), timed.wallMillis, s.unfilledSeatCount());
        System.out.printf("%-24s breakdown %s; unfilled reasons %s%n", "", s.breakdown(),
                reasons(s));
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
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
