package org.rota.solver.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import org.rota.solver.solver.Seat;
import org.rota.solver.solver.SolverOptions;

/**
 * Reproducible what-if problems: the same spec and seed always give the same problem. Clinic-style departments run
 * weekday morning and afternoon sessions (and some full days); shift-style departments run 12-hour day and night shifts
 * every day with 10 hours of minimum rest and one activity per day. Around 10 % of activities need no procedure; a
 * quarter of the procedure lists with two or three seats spell them out as one EXPERT (primary) and QUALIFIED seats.
 */
public final class InstanceGenerator {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** Monday of ISO week 50 of 2026. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 7);

    private static final String[] NAMED_PROCEDURES = {"VAS", "INJ", "COLPO", "ENDO", "COLO", "BRONCH", "CYSTO", "IUD",
        "BIOPSY", "ECHO"};
    private static final String[] ROLES = {"FACULTY", "FACULTY", "RESIDENT", "RESIDENT", "NURSE"};
    private static final double[] FTES = {1.0, 1.0, 1.0, 1.0, 0.8, 0.8, 0.6, 0.5};

    public record Spec(String name, int clinicians, int procedures, int weeks, int activities, boolean shiftStyle,
                       long seed) {
    }

    private InstanceGenerator() {
    }

    public static Problem generate(Spec spec) {
        Random random = new Random(spec.seed());
        List<String> procedures = new ArrayList<>();
        for (int p = 0; p < spec.procedures(); p++) {
            procedures.add(p < NAMED_PROCEDURES.length ? NAMED_PROCEDURES[p] : "P%02d".formatted(p + 1));
        }
        LocalDate lastDay = FIRST_DAY.plusWeeks(spec.weeks()).minusDays(1);

        List<Clinician> clinicians = new ArrayList<>();
        List<Credential> credentials = new ArrayList<>();
        for (int c = 0; c < spec.clinicians(); c++) {
            String id = "c%03d".formatted(c + 1);
            String role = ROLES[random.nextInt(ROLES.length)];
            double fte = FTES[random.nextInt(FTES.length)];
            Integer maxMinutes = random.nextDouble() < 0.9 ? (spec.shiftStyle() ? 2880 : 2400) : null;
            clinicians.add(new Clinician(id, fte, maxMinutes, true, role));

            int held = role.equals("NURSE") ? 1 + random.nextInt(2) : 1 + random.nextInt(4);
            Set<String> chosen = new HashSet<>();
            while (chosen.size() < Math.min(held, procedures.size())) {
                chosen.add(procedures.get(random.nextInt(procedures.size())));
            }
            for (String procedure : procedures) {
                if (!chosen.contains(procedure)) {
                    continue;
                }
                Level level = random.nextDouble() < (role.equals("FACULTY") ? 0.55 : 0.15) ? Level.EXPERT
                        : Level.QUALIFIED;
                LocalDate validFrom = FIRST_DAY.minusDays(30 + random.nextInt(700));
                LocalDate validUntil = null;
                CredentialStatus status = CredentialStatus.ACTIVE;
                double fate = random.nextDouble();
                if (fate < 0.08) {
                    validUntil = FIRST_DAY.plusDays(random.nextInt(spec.weeks() * 7));
                } else if (fate < 0.11) {
                    status = CredentialStatus.SUSPENDED;
                } else if (fate < 0.13) {
                    status = CredentialStatus.REVOKED;
                } else if (fate < 0.20) {
                    validUntil = lastDay.plusDays(30 + random.nextInt(300));
                }
                Integer maxPerWeek = random.nextDouble() < 0.1 ? 2 + random.nextInt(3) : null;
                credentials.add(new Credential(id, procedure, level, validFrom, validUntil, status, maxPerWeek));
            }
        }

        List<Activity> activities = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (spec.shiftStyle() || day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
                days.add(day);
            }
        }
        for (int a = 0; a < spec.activities(); a++) {
            LocalDate day = days.get(a % days.size());
            LocalTime start;
            int hours;
            if (spec.shiftStyle()) {
                boolean night = random.nextDouble() < 0.4;
                start = night ? LocalTime.of(19, 0) : LocalTime.of(7, 0);
                hours = 12;
            } else {
                double slot = random.nextDouble();
                start = slot < 0.45 ? LocalTime.of(8, 0) : slot < 0.9 ? LocalTime.of(13, 0) : LocalTime.of(8, 30);
                hours = slot < 0.9 ? 4 : 8;
            }
            String procedure = random.nextDouble() < 0.1 ? null : procedures.get(random.nextInt(procedures.size()));
            double size = random.nextDouble();
            int required = size < 0.55 ? 1 : size < 0.9 ? 2 : 3;
            Level minimum = procedure != null && random.nextDouble() < 0.08 ? Level.EXPERT : Level.QUALIFIED;
            var begin = day.atTime(start).atZone(ZONE).toInstant();
            String id = "a%04d".formatted(a + 1);
            String title = procedure == null ? "Clinic" : procedure + " list";
            String room = "Room " + (1 + random.nextInt(12));
            if (procedure != null && required >= 2 && minimum == Level.QUALIFIED && a % 4 == 0) {
                // a primary and secondary operators, as hospitals write procedure lists (chosen without a random
                // draw, so that the rest of the instance stays as it was)
                activities.add(new Activity(id, begin, begin.plusSeconds(hours * 3600L), procedure, null, null, title,
                        room, List.of(new Seat(Level.EXPERT, 1, false), new Seat(Level.QUALIFIED, required - 1, false)),
                        null));
            } else {
                activities.add(new Activity(id, begin, begin.plusSeconds(hours * 3600L), procedure, required, minimum,
                        title, room));
            }
        }

        List<Absence> absences = new ArrayList<>();
        List<DayPreference> preferences = new ArrayList<>();
        for (Clinician clinician : clinicians) {
            if (random.nextDouble() < 0.1) {
                LocalDate from = FIRST_DAY.plusDays(random.nextInt(spec.weeks() * 7));
                absences.add(new Absence(clinician.id(), from.atStartOfDay(ZONE).toInstant(),
                        from.plusDays(1 + random.nextInt(5)).atStartOfDay(ZONE).toInstant()));
            }
            if (random.nextDouble() < 0.25) {
                int wishes = 1 + random.nextInt(3);
                for (int w = 0; w < wishes; w++) {
                    preferences.add(new DayPreference(clinician.id(), days.get(random.nextInt(days.size())),
                            random.nextBoolean() ? PreferenceKind.DESIRED : PreferenceKind.UNDESIRED));
                }
            }
        }
        SolverOptions options = spec.shiftStyle()
                ? new SolverOptions(null, null, null, 600, 1, null)
                : null;
        return new Problem(ZONE, clinicians, credentials, activities, absences, preferences, List.of(), List.of(),
                List.of(), options);
    }

    public static ObjectMapper json() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    public static Path write(Problem problem, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        json().writeValue(file.toFile(), problem);
        return file;
    }

    /** Writes what-if JSON files: {@code <dir> [name clinicians procedures weeks activities shift(true|false) seed]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/instances");
        List<Spec> specs = args.length >= 8
                ? List.of(new Spec(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                        Integer.parseInt(args[4]), Integer.parseInt(args[5]), Boolean.parseBoolean(args[6]),
                        Long.parseLong(args[7])))
                : SolverBench.standardSpecs();
        for (Spec spec : specs) {
            System.out.println(write(generate(spec), dir.resolve(spec.name() + ".json")));
        }
    }
}
