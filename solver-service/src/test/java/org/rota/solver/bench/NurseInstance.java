package org.rota.solver.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.rota.solver.solver.Absence;
import org.rota.solver.solver.Activity;
import org.rota.solver.solver.Clinician;
import org.rota.solver.solver.Credential;
import org.rota.solver.solver.CredentialStatus;
import org.rota.solver.solver.DayPreference;
import org.rota.solver.solver.Level;
import org.rota.solver.solver.PreferenceKind;
import org.rota.solver.solver.Problem;
import org.rota.solver.solver.SolverOptions;

/**
 * A 24/7 ward in the shape of the public nurse-rostering benchmarks (INRC-II style): 50 clinicians, 28 days, 7
 * locations, 8-hour shifts starting at 06:00, 09:00, 14:00 and 22:00 with 1–3 clinicians each (~960 clinician-shifts),
 * two base skills everyone holds one or both of, plus optional skills some shifts need; at least 10 hours of rest, one
 * shift per day, 48 hours a week; and on every day 5–20 clinicians with a request: unavailable, undesired or desired.
 */
public final class NurseInstance {

    public static final int CLINICIANS = 50;
    public static final int DAYS = 28;
    public static final int LOCATIONS = 7;
    private static final int[] SHIFT_STARTS = {6, 9, 14, 22};
    private static final int SHIFT_HOURS = 8;
    private static final String[] BASE_SKILLS = {"WARD", "ICU"};
    private static final String[] OPTIONAL_SKILLS = {"DIALYSIS", "NEONATAL", "TRIAGE"};
    /** Share of (location, day, start) slots that run: 28 × 7 × 4 × 0.64 ≈ 500 shifts × ~1.9 clinicians ≈ 960. */
    private static final double SLOT_SHARE = 0.64;
    private static final double[] FTES = {1.0, 1.0, 1.0, 1.0, 1.0, 0.8};

    private NurseInstance() {
    }

    public static Problem generate(long seed) {
        Random random = new Random(seed);
        LocalDate firstDay = InstanceGenerator.FIRST_DAY;
        List<Clinician> clinicians = new ArrayList<>();
        List<Credential> credentials = new ArrayList<>();
        for (int c = 0; c < CLINICIANS; c++) {
            String id = "n%02d".formatted(c + 1);
            clinicians.add(new Clinician(id, FTES[random.nextInt(FTES.length)], 2880, true, "NURSE"));
            Set<String> skills = new HashSet<>();
            double base = random.nextDouble();
            if (base < 0.75) {
                skills.add(BASE_SKILLS[0]);
            }
            if (base >= 0.35) {
                skills.add(BASE_SKILLS[1]);
            }
            for (String optional : OPTIONAL_SKILLS) {
                if (random.nextDouble() < 0.4) {
                    skills.add(optional);
                }
            }
            for (String skill : skills) {
                Level level = random.nextDouble() < 0.3 ? Level.EXPERT : Level.QUALIFIED;
                credentials.add(new Credential(id, skill, level, firstDay.minusYears(1), null,
                        CredentialStatus.ACTIVE, null));
            }
        }

        List<Activity> activities = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = firstDay.plusDays(d);
            for (int location = 0; location < LOCATIONS; location++) {
                String skill = BASE_SKILLS[location % 2];
                for (int hour : SHIFT_STARTS) {
                    if (random.nextDouble() >= SLOT_SHARE) {
                        continue;
                    }
                    String needs = random.nextDouble() < 0.15
                            ? OPTIONAL_SKILLS[random.nextInt(OPTIONAL_SKILLS.length)] : skill;
                    // a shift needing a rarer skill takes one clinician of it: 1–3 would often be more than exist
                    int required = needs.equals(skill) ? 1 + random.nextInt(3) : 1;
                    Level minimum = random.nextDouble() < 0.1 ? Level.EXPERT : Level.QUALIFIED;
                    Instant start = day.atTime(LocalTime.of(hour, 0)).atZone(InstanceGenerator.ZONE).toInstant();
                    activities.add(new Activity("s%02d-%d-%02d".formatted(d + 1, location + 1, hour), start,
                            start.plusSeconds(SHIFT_HOURS * 3600L), needs, required, minimum,
                            needs + " shift", "Ward " + (location + 1)));
                }
            }
        }

        List<Absence> absences = new ArrayList<>();
        List<DayPreference> preferences = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = firstDay.plusDays(d);
            int requests = 5 + random.nextInt(16);
            List<Integer> who = new ArrayList<>();
            for (int c = 0; c < CLINICIANS; c++) {
                who.add(c);
            }
            java.util.Collections.shuffle(who, random);
            for (int r = 0; r < requests; r++) {
                String id = clinicians.get(who.get(r)).id();
                double kind = random.nextDouble();
                if (kind < 0.2) {
                    absences.add(new Absence(id, day.atStartOfDay(InstanceGenerator.ZONE).toInstant(),
                            day.plusDays(1).atStartOfDay(InstanceGenerator.ZONE).toInstant()));
                } else {
                    preferences.add(new DayPreference(id, day,
                            kind < 0.65 ? PreferenceKind.UNDESIRED : PreferenceKind.DESIRED));
                }
            }
        }
        // 10 h of rest: after a 22:00 shift neither the 06:00 nor the 14:00 shift of the next day, after a 14:00 shift
        // not the next 06:00; one shift per day
        SolverOptions options = new SolverOptions(null, null, null, 600, 1, null);
        return new Problem(InstanceGenerator.ZONE, clinicians, credentials, activities, absences, preferences,
                List.of(), List.of(), List.of(), options);
    }
}
