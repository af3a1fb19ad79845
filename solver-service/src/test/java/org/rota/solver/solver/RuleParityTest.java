package org.rota.solver.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rota.solver.solver.ProblemBuilder.problem;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The model and the checker define the same hard rules: on small random instances (one clinician, random activities,
 * fixed work and limits across a Sunday/Monday boundary) CP-SAT staffs exactly as many activities as the largest set the
 * commit check accepts, found by trying every subset. Fewer would mean a constraint the checker lacks, more a rule the
 * model misses (the solution itself is also replayed through the checker by {@link ProblemBuilder#solve()}).
 */
@DisplayName("Model and checker agree on the hard rules")
class RuleParityTest {

    private static final LocalDateTime SUNDAY = LocalDateTime.parse("2026-12-13T00:00");
    private static final int ACTIVITIES = 7;

    @Test
    void cpSatStaffsAsManyActivitiesAsTheLargestSetTheCheckerAccepts() {
        for (int seed = 0; seed < 60; seed++) {
            Random random = new Random(seed);
            ProblemBuilder builder = randomInstance(random);
            Solution solution = builder.solve();

            assertThat(solution.status()).as("seed %d", seed).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(solution.assignments()).as("seed %d: %s", seed, builder.build())
                    .hasSize(largestAcceptedSet(builder));
        }
    }

    private static ProblemBuilder randomInstance(Random random) {
        int[] rests = {0, 300, 660};
        int[] duties = {300, 480, 780};
        ProblemBuilder builder = problem()
                .clinician("c1", 1.0, random.nextBoolean() ? null : 600 + 60 * random.nextInt(20))
                .credential(new Credential("c1", "P", Level.EXPERT, LocalDate.parse("2026-01-01"), null,
                        CredentialStatus.ACTIVE, random.nextBoolean() ? null : 1 + random.nextInt(3)))
                .minRestMinutes(rests[random.nextInt(rests.length)])
                .maxDutyMinutes(duties[random.nextInt(duties.length)])
                .maxActivitiesPerDay(1 + random.nextInt(3))
                .defaultMaxMinutesPerWeek(900)
                .weights(1_000, 0, 0, 0, 0, 0);
        for (int i = 0; i < ACTIVITIES; i++) {
            LocalDateTime start = SUNDAY.plusMinutes(30L * random.nextInt(96));
            LocalDateTime end = start.plusMinutes(60L + 30L * random.nextInt(20));
            builder.activity("a" + i, start.toString(), end.toString(), random.nextBoolean() ? "P" : null);
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            LocalDateTime start = SUNDAY.minusHours(12).plusMinutes(30L * random.nextInt(140));
            LocalDateTime end = start.plusMinutes(60L + 30L * random.nextInt(12));
            builder.busy("c1", start.toString(), end.toString(), random.nextBoolean() ? "P" : null);
        }
        return builder;
    }

    private static int largestAcceptedSet(ProblemBuilder builder) {
        int best = 0;
        for (int subset = 0; subset < 1 << ACTIVITIES; subset++) {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < ACTIVITIES; i++) {
                if ((subset & 1 << i) != 0) {
                    pairs.add("a" + i);
                    pairs.add("c1");
                }
            }
            if (pairs.size() / 2 > best && builder.violations(pairs.toArray(String[]::new)).isEmpty()) {
                best = pairs.size() / 2;
            }
        }
        return best;
    }
}
