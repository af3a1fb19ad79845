package org.rota.solver.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rota.platform.problem.ProblemException;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.coverage.ActivityCoverage;
import org.rota.solver.coverage.Change;
import org.rota.solver.coverage.CoverageAssessor;
import org.rota.solver.coverage.Fix;
import org.rota.solver.coverage.Risk;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.KnownCredential;
import org.rota.solver.domain.PlanningWindow;
import org.rota.solver.repository.ReadModelLock;
import org.rota.solver.repository.ReadModelRepository;
import org.rota.solver.service.ProblemBuilder.ReadModelInput;
import org.rota.solver.solver.CredentialStatus;

/**
 * Coverage at risk from the read model: per department, its scheduled activities of a range judged each on its own
 * date by {@link CoverageAssessor}, and the same turned around into the credentials whose change would help most.
 */
@ApplicationScoped
@Transactional
public class CoverageQueries {

    /** What a department code looks like (as a solve request accepts it). */
    private static final String DEPARTMENT = "[A-Za-z0-9_-]{1,40}";

    private final ReadModelRepository readModel;
    private final ReadModelLock readModelLock;
    private final ProblemBuilder problems;
    private final ZoneId zone;

    CoverageQueries(ReadModelRepository readModel, ReadModelLock readModelLock, ProblemBuilder problems,
            SolverConfig config) {
        this.readModel = readModel;
        this.readModelLock = readModelLock;
        this.problems = problems;
        this.zone = config.zone();
    }

    /** An activity at risk, with the fixes that would each add a clinician for its seats. */
    public record AtRiskActivity(UUID activityId, String department, String title, String procedureCode,
            Instant start, Instant end, Risk risk, int seats, int eligible, List<FixEntry> fixes) {
    }

    public record FixEntry(UUID credentialId, UUID clinicianId, String procedureCode, CredentialStatus status,
            LocalDate validUntil, Change change) {
    }

    /** A credential change and the seats at risk it would cover (one per activity where it is a fix). */
    public record Renewal(UUID credentialId, UUID clinicianId, String procedureCode, CredentialStatus status,
            LocalDate validUntil, Change change, int seatsCovered, List<RenewalActivity> activities) {
    }

    public record RenewalActivity(UUID activityId, String title, Instant start, String department) {
    }

    public Page<AtRiskActivity> atRisk(LocalDate from, LocalDate to, String department, PageRequest page) {
        return page(atRisk(from, to, department), page);
    }

    /** Every credential that is a fix somewhere in the range, most seats covered first (then the earliest need). */
    public Page<Renewal> renewals(LocalDate from, LocalDate to, String department, PageRequest page) {
        Map<String, List<AtRiskActivity>> byFix = new LinkedHashMap<>();
        Map<String, FixEntry> fixes = new HashMap<>();
        for (AtRiskActivity activity : atRisk(from, to, department)) {
            for (FixEntry fix : activity.fixes()) {
                String key = fix.credentialId() + "/" + fix.change();
                fixes.putIfAbsent(key, fix);
                byFix.computeIfAbsent(key, k -> new ArrayList<>()).add(activity);
            }
        }
        List<Renewal> renewals = new ArrayList<>();
        byFix.forEach((key, activities) -> {
            FixEntry fix = fixes.get(key);
            renewals.add(new Renewal(fix.credentialId(), fix.clinicianId(), fix.procedureCode(), fix.status(),
                    fix.validUntil(), fix.change(), activities.size(), activities.stream()
                            .map(a -> new RenewalActivity(a.activityId(), a.title(), a.start(), a.department()))
                            .toList()));
        });
        renewals.sort(Comparator.comparingInt(Renewal::seatsCovered).reversed()
                .thenComparing(r -> r.activities().get(0).start())
                .thenComparing(r -> r.credentialId().toString()));
        return page(renewals, page);
    }

    /** The activities of one planning window at risk (for {@link CoverageWatch}), judged as the listing judges them. */
    public List<AtRiskActivity> atRisk(PlanningWindow window) {
        return atRisk(window.department(), window.from(zone), window.to(zone));
    }

    private List<AtRiskActivity> atRisk(LocalDate from, LocalDate to, String department) {
        requireRange(from, to);
        if (department != null && !department.matches(DEPARTMENT)) {
            throw ProblemException.badRequest("department",
                    "must be a department code of letters, digits, '_' or '-' (at most 40)");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        readModelLock.share(); // one snapshot of the read model, before or after a rebuild's swap
        List<String> departments = department != null ? List.of(department)
                : readModel.departmentsWithActivities(start, end).stream().sorted().toList();
        List<AtRiskActivity> result = new ArrayList<>();
        for (String d : departments) {
            result.addAll(atRisk(d, start, end));
        }
        result.sort(Comparator.comparing(AtRiskActivity::start).thenComparing(a -> a.activityId().toString()));
        return result;
    }

    private List<AtRiskActivity> atRisk(String department, Instant from, Instant to) {
        ReadModelInput input = problems.readModelInput(department, from, to);
        if (input.activities().isEmpty()) {
            return List.of();
        }
        Map<String, KnownActivity> activities = new HashMap<>();
        input.activities().forEach(a -> activities.put(a.id.toString(), a));
        List<AtRiskActivity> result = new ArrayList<>();
        for (ActivityCoverage coverage : new CoverageAssessor(input.problem(), problems.options()).atRisk()) {
            KnownActivity a = activities.get(coverage.activityId());
            result.add(new AtRiskActivity(a.id, a.department, a.title, a.procedureCode, a.start, a.end,
                    coverage.risk(), coverage.seats(), coverage.eligible(),
                    coverage.fixes().stream().map(fix -> entry(input.credentials().get(fix.credential()), fix))
                            .toList()));
        }
        return result;
    }

    private static FixEntry entry(KnownCredential credential, Fix fix) {
        return new FixEntry(credential.id, credential.clinicianId, credential.procedureCode,
                CredentialStatus.valueOf(credential.status.name()), credential.validUntil, fix.change());
    }

    private static <T> Page<T> page(List<T> items, PageRequest page) {
        int first = Math.min(items.size(), page.page() * page.size());
        int last = Math.min(items.size(), first + page.size());
        return Page.of(items.subList(first, last), page, items.size());
    }

    /** Both dates are inclusive; the range is at most as long as a listing of allocations. */
    private static void requireRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ProblemException.badRequest(from == null ? "from" : "to", "from and to are required ISO dates");
        }
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "to must not be before from");
        }
        if (to.isAfter(from.plusDays(AllocationQueries.MAX_RANGE_DAYS - 1L))) {
            throw ProblemException.badRequest("to",
                    "a range covers at most " + AllocationQueries.MAX_RANGE_DAYS + " days, from and to included");
        }
    }
}
