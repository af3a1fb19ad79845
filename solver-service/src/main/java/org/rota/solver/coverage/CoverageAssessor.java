package org.rota.solver.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.rota.solver.solver.Activity;
import org.rota.solver.solver.Clinician;
import org.rota.solver.solver.Credential;
import org.rota.solver.solver.CredentialStatus;
import org.rota.solver.solver.Level;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.SingleActivityEligibility;
import org.rota.solver.solver.SingleActivityEligibility.Judgement;
import org.rota.solver.solver.SolverOptions;
import org.rota.solver.solver.StatusChange;
import org.rota.solver.solver.Verdict;

/**
 * Coverage at risk: which activities of a problem are not safely covered, judged each on its own with the solver's
 * eligibility ({@link SingleActivityEligibility}), and which credential changes would help. A fix is found by judging
 * the clinician again, with the same eligibility, in the problem as it would be after the change (every expiring
 * credential renewed, every suspension lifted, every level one higher), so a fix is a change the solver would accept.
 */
public final class CoverageAssessor {

    /** The verdicts a credential change can turn into eligibility; any other stops the clinician whatever the change. */
    private static final Set<Verdict> FIXABLE = Set.of(Verdict.CREDENTIAL_EXPIRED_OR_SUSPENDED, Verdict.LEVEL_TOO_LOW);

    private final Problem problem;
    private final SolverOptions defaults;
    private final SingleActivityEligibility asIs;
    /** The problem after each change, built when a fix is first looked for. */
    private final Map<Change, SingleActivityEligibility> changed = new EnumMap<>(Change.class);
    /**
     * Per procedure, the clinicians holding some credential for it: nobody else can serve or be fixed (they are
     * NO_CREDENTIAL), so the others are not judged.
     */
    private final Map<String, List<Clinician>> holders = new HashMap<>();

    public CoverageAssessor(Problem problem, SolverOptions defaults) {
        this.problem = problem;
        this.defaults = defaults;
        this.asIs = new SingleActivityEligibility(problem, defaults);
        Map<String, Set<String>> holderIds = new HashMap<>();
        for (Credential credential : problem.credentials()) {
            holderIds.computeIfAbsent(credential.procedureCode(), p -> new HashSet<>()).add(credential.clinicianId());
        }
        holderIds.forEach((procedure, ids) -> holders.put(procedure,
                problem.clinicians().stream().filter(c -> ids.contains(c.id())).toList()));
    }

    /** The activities at risk, ordered by start then id. */
    public List<ActivityCoverage> atRisk() {
        List<ActivityCoverage> result = new ArrayList<>();
        problem.activities().stream().sorted(Comparator.comparing(Activity::start).thenComparing(Activity::id))
                .forEach(activity -> {
                    ActivityCoverage coverage = assess(activity);
                    if (coverage != null) {
                        result.add(coverage);
                    }
                });
        return result;
    }

    /** The activity's coverage when it is at risk, else null. */
    ActivityCoverage assess(Activity activity) {
        SeatCount seats = new SeatCount(activity, asIs.traineesPerSupervisor(activity.id()));
        if (seats.requiredSeats() == 0) {
            return null;
        }
        List<Level> eligibleLevels = new ArrayList<>();
        List<Clinician> fixable = new ArrayList<>();
        List<Clinician> candidates = activity.procedureCode() == null ? problem.clinicians()
                : holders.getOrDefault(activity.procedureCode(), List.of());
        int[] holders = new int[3];
        for (Clinician clinician : candidates) {
            Judgement judgement = asIs.judge(activity.id(), clinician.id());
            if (judgement.eligible()) {
                eligibleLevels.add(judgement.level());
                holders[SeatCount.kind(judgement.level())]++;
                // more holders never put seats at risk: once safe, the rest need not be judged
                if (seats.risk(holders) == null) {
                    return null;
                }
            } else if (activity.procedureCode() != null && FIXABLE.contains(judgement.verdict())) {
                fixable.add(clinician);
            }
        }
        Risk risk = seats.risk(holders);
        if (risk == null) {
            return null;
        }
        int eligible = (int) eligibleLevels.stream().filter(seats::fitsRequired).count();
        List<Fix> fixes = new ArrayList<>();
        for (Clinician clinician : fixable) {
            fix(activity, clinician, seats, holders, risk).ifPresent(fixes::add);
        }
        return new ActivityCoverage(activity.id(), risk, seats.requiredSeats(), eligible, List.copyOf(fixes));
    }

    /** The first change (in {@link Change} order) after which the clinician helps the activity's seats. */
    private Optional<Fix> fix(Activity activity, Clinician clinician, SeatCount seats, int[] holders,
            Risk risk) {
        for (Change change : Change.values()) {
            Judgement after = world(change).judge(activity.id(), clinician.id());
            if (!after.eligible()) {
                continue;
            }
            // judged by the seats: a holder for a group that is full, or a trainee nobody supervises, adds nothing
            int[] more = SeatCount.plus(holders, after.level());
            boolean helps = risk == Risk.UNCOVERABLE ? seats.fillable(more) > seats.fillable(holders)
                    : seats.risk(more) == null;
            int credential = helps ? credentialChanged(activity, clinician.id(), change) : -1;
            if (credential >= 0) {
                return Optional.of(new Fix(credential, clinician.id(), change));
            }
        }
        return Optional.empty();
    }

    private SingleActivityEligibility world(Change change) {
        return changed.computeIfAbsent(change, c -> new SingleActivityEligibility(changed(problem, switch (c) {
            case RENEW -> CoverageAssessor::renew;
            case REINSTATE -> CoverageAssessor::reinstate;
            case RAISE_LEVEL -> CoverageAssessor::raise;
        }), defaults));
    }

    /**
     * The clinician's credential for the activity's procedure that the change applies to: for RENEW the one expiring
     * last before the activity's last day, for REINSTATE the first suspended during it, for RAISE_LEVEL the highest
     * valid at its start; -1 when none.
     */
    private int credentialChanged(Activity activity, String clinicianId, Change change) {
        LocalDate lastDay = activity.end().minusNanos(1).atZone(problem.zone()).toLocalDate();
        Instant start = activity.start();
        int best = -1;
        List<Credential> credentials = problem.credentials();
        for (int k = 0; k < credentials.size(); k++) {
            Credential credential = credentials.get(k);
            if (!credential.clinicianId().equals(clinicianId)
                    || !credential.procedureCode().equals(activity.procedureCode())) {
                continue;
            }
            Credential current = best < 0 ? null : credentials.get(best);
            boolean candidate = switch (change) {
                case RENEW -> credential.status() != CredentialStatus.REVOKED && credential.validUntil() != null
                        && credential.validUntil().isBefore(lastDay)
                        && (current == null || credential.validUntil().isAfter(current.validUntil()));
                case REINSTATE -> current == null && (credential.statusAt(start) == CredentialStatus.SUSPENDED
                        || credential.statusAt(activity.end().minusNanos(1)) == CredentialStatus.SUSPENDED);
                case RAISE_LEVEL -> credential.level() != Level.EXPERT && credential.validAt(start, problem.zone())
                        && (current == null || credential.level().compareTo(current.level()) > 0);
            };
            if (candidate) {
                best = k;
            }
        }
        return best;
    }

    private static Problem changed(Problem problem, UnaryOperator<Credential> change) {
        return problem.withCredentials(problem.credentials().stream().map(change).toList());
    }

    /** Renewed: no end date (a REVOKED credential is not renewed). */
    static Credential renew(Credential c) {
        return c.status() == CredentialStatus.REVOKED || c.validUntil() == null ? c
                : new Credential(c.clinicianId(), c.procedureCode(), c.level(), c.validFrom(), null, c.status(),
                        c.maxPerWeek(), c.statusHistory());
    }

    /** Reinstated: as if never suspended; a revocation still counts. */
    static Credential reinstate(Credential c) {
        List<StatusChange> history = c.statusHistory().stream()
                .map(step -> step.status() == CredentialStatus.SUSPENDED
                        ? new StatusChange(step.effectiveFrom(), CredentialStatus.ACTIVE) : step)
                .toList();
        CredentialStatus status = c.status() == CredentialStatus.SUSPENDED ? CredentialStatus.ACTIVE : c.status();
        return new Credential(c.clinicianId(), c.procedureCode(), c.level(), c.validFrom(), c.validUntil(), status,
                c.maxPerWeek(), history);
    }

    /** One level higher: TRAINEE to QUALIFIED, QUALIFIED to EXPERT. */
    static Credential raise(Credential c) {
        Level level = c.level() == Level.TRAINEE ? Level.QUALIFIED : Level.EXPERT;
        return c.level() == Level.EXPERT ? c
                : new Credential(c.clinicianId(), c.procedureCode(), level, c.validFrom(), c.validUntil(), c.status(),
                        c.maxPerWeek(), c.statusHistory());
    }
}
