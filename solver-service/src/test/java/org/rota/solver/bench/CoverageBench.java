package org.rota.solver.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.rota.solver.coverage.ActivityCoverage;
import org.rota.solver.coverage.CoverageAssessor;
import org.rota.solver.coverage.Risk;
import org.rota.solver.solver.Credential;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.SolverOptions;

/**
 * What {@code GET /coverage/at-risk} computes once the read model is loaded, for the whole 4-week range of the target
 * instance (200 clinicians, 20 procedures, 2,000 activities; one department, as generated): warm-up, then
 * {@code --runs} rounds of {@code --calls} assessments each, printing p50/p99/max per round.
 * Usage: solver-service/coverage-bench [--runs 5] [--calls 50].
 */
public final class CoverageBench {

    public static void main(String[] args) {
        int runs = option(args, "--runs", 5);
        int calls = option(args, "--calls", 50);
        Problem generated = InstanceGenerator.generate(SolverBench.standardSpecs().stream()
                .filter(spec -> spec.name().equals("target")).findFirst().orElseThrow());
        measure("as generated", generated, runs, calls);
        measure("every 5th credential expiring after two weeks", lapsing(generated), runs, calls);
    }

    /** The instance with every fifth credential ending two weeks in, so that renewals have seats to cover. */
    private static Problem lapsing(Problem problem) {
        List<Credential> credentials = new ArrayList<>();
        for (int k = 0; k < problem.credentials().size(); k++) {
            Credential c = problem.credentials().get(k);
            credentials.add(k % 5 != 0 ? c : new Credential(c.clinicianId(), c.procedureCode(), c.level(),
                    c.validFrom(), InstanceGenerator.FIRST_DAY.plusDays(13), c.status(), c.maxPerWeek(),
                    c.statusHistory()));
        }
        return problem.withCredentials(credentials);
    }

    private static void measure(String name, Problem problem, int runs, int calls) {
        SolverOptions options = SolverOptions.defaults();
        System.out.println(name + ":");
        List<ActivityCoverage> atRisk = new CoverageAssessor(problem, options).atRisk();
        long uncoverable = atRisk.stream().filter(c -> c.risk() == Risk.UNCOVERABLE).count();
        System.out.printf("  target instance: %d clinicians, %d credentials, %d activities; %d at risk (%d uncoverable),"
                        + " %d fixes%n", problem.clinicians().size(), problem.credentials().size(),
                problem.activities().size(), atRisk.size(), uncoverable,
                atRisk.stream().mapToInt(c -> c.fixes().size()).sum());
        for (int i = 0; i < 20; i++) {
            new CoverageAssessor(problem, options).atRisk();
        }
        for (int run = 1; run <= runs; run++) {
            long[] millis = new long[calls];
            for (int call = 0; call < calls; call++) {
                long start = System.nanoTime();
                new CoverageAssessor(problem, options).atRisk();
                millis[call] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("  run %d: %d calls, p50 %d ms, p99 %d ms, max %d ms%n", run, calls,
                    millis[calls / 2], millis[(int) Math.ceil(calls * 0.99) - 1], millis[calls - 1]);
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private CoverageBench() {
    }
}
