package org.rota.tools.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic, reproducible hospital: two departments (urology and gynaecology) sharing a few clinicians, eight
 * procedures, four weeks of clinics and procedure lists from next Monday, some leave, some preferences, and
 * credentials of which a few expire during the period; and a teaching department (general surgery) whose theatre
 * lists have an EXPERT primary, a QUALIFIED secondary and optional TRAINEE seats for its residents, taken only under
 * supervision. No real names: everything comes from a seeded generator.
 */
public final class DemoDepartment {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** The teaching department: residents learn on its theatre lists, under supervision. */
    public static final String TEACHING = "GENSURG";
    /** The departments of clinics and procedure lists staffed by one group of seats each. */
    private static final List<String> OUTPATIENT_DEPARTMENTS = List.of("UROLOGY", "GYNAE");
    public static final List<String> DEPARTMENTS = List.of("UROLOGY", "GYNAE", TEACHING);
    public static final int WEEKS = 4;

    public record Procedure(String code, String name, String department) {
    }

    public record Clinician(String externalId, String displayName, String role, List<String> departments, double fte,
            int maxMinutesPerWeek) {
    }

    public record Credential(String clinicianExternalId, String procedureCode, String level, LocalDate validFrom,
            LocalDate validUntil) {
    }

    /** Staffed by {@code requiredClinicians} of {@code minimumLevel}, or, when {@code seats} is set, by those groups. */
    public record Activity(String externalId, String department, String title, Instant start, Instant end,
            String location, String procedureCode, int requiredClinicians, String minimumLevel, List<Seat> seats,
            Integer traineesPerSupervisor) {
    }

    public record Seat(String minimumLevel, int count, boolean optional) {
    }

    public record Absence(String clinicianExternalId, Instant from, Instant until, String reason) {
    }

    public record Preference(String clinicianExternalId, LocalDate date, String kind) {
    }

    public static final List<Procedure> PROCEDURES = List.of(
            new Procedure("VAS", "Vasectomy", "UROLOGY"),
            new Procedure("CYSTO", "Flexible cystoscopy", "UROLOGY"),
            new Procedure("TRUSB", "Prostate biopsy", "UROLOGY"),
            new Procedure("JINJ", "Joint injection", "UROLOGY"),
            new Procedure("COLP", "Colposcopy", "GYNAE"),
            new Procedure("HYST", "Outpatient hysteroscopy", "GYNAE"),
            new Procedure("LLETZ", "Loop excision of the transformation zone", "GYNAE"),
            new Procedure("IUD", "Complex coil fitting", "GYNAE"),
            new Procedure("LAPCHOLE", "Laparoscopic cholecystectomy", TEACHING),
            new Procedure("HERNIA", "Inguinal hernia repair", TEACHING));

    private static final String[] GIVEN = {"Ash", "Birch", "Cedar", "Elm", "Fern", "Hazel", "Juniper", "Larch",
            "Maple", "Oak", "Pine", "Rowan", "Sage", "Willow", "Yew", "Alder", "Aspen", "Holly", "Ivy", "Laurel"};
    private static final String[] FAMILY = {"Amber", "Cobalt", "Coral", "Indigo", "Jade", "Ochre", "Russet", "Sable",
            "Slate", "Umber", "Violet", "Teal"};
    private static final String[] ROLES = {"FACULTY", "FACULTY", "FELLOW", "RESIDENT", "NURSE_PRACTITIONER"};

    public final LocalDate firstMonday;
    public final List<Clinician> clinicians = new ArrayList<>();
    public final List<Credential> credentials = new ArrayList<>();
    public final List<Activity> activities = new ArrayList<>();
    public final List<Absence> absences = new ArrayList<>();
    public final List<Preference> preferences = new ArrayList<>();

    public DemoDepartment(long seed, LocalDate today) {
        Random random = new Random(seed);
        firstMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        for (int i = 0; i < 40; i++) {
            List<String> departments = i < 22 ? List.of("UROLOGY") : i < 35 ? List.of("GYNAE")
                    : List.of("UROLOGY", "GYNAE");
            String name = "Dr " + GIVEN[i % GIVEN.length] + " " + FAMILY[(i * 7 + 3) % FAMILY.length];
            double fte = random.nextInt(4) == 0 ? 0.6 : 1.0;
            clinicians.add(new Clinician(String.format("DEMO-HR-%03d", i + 1), name, ROLES[random.nextInt(ROLES.length)],
                    departments, fte, 2400));
        }
        for (Clinician clinician : clinicians) {
            for (Procedure procedure : PROCEDURES) {
                boolean scarce = procedure.code().equals(SCARCE) || procedure.code().equals(EXPERT_ONLY);
                if (scarce || !clinician.departments().contains(procedure.department()) || random.nextInt(10) < 5) {
                    continue;
                }
                String level = random.nextInt(3) == 0 ? "EXPERT" : "QUALIFIED";
                LocalDate until = random.nextInt(12) == 0
                        ? firstMonday.plusDays(3 + random.nextInt(WEEKS * 7 - 6)) // expires during the period
                        : today.plusYears(2);
                credentials.add(new Credential(clinician.externalId(), procedure.code(), level,
                        today.minusYears(1), until));
            }
        }
        grantScarceCredentials(today);
        for (int week = 0; week < WEEKS; week++) {
            for (int day = 0; day < 5; day++) {
                LocalDate date = firstMonday.plusWeeks(week).plusDays(day);
                for (String department : OUTPATIENT_DEPARTMENTS) {
                    List<Procedure> own = PROCEDURES.stream().filter(p -> p.department().equals(department)).toList();
                    for (int session = 0; session < 2; session++) {
                        int startHour = session == 0 ? 8 : 13;
                        Procedure procedure = own.get(random.nextInt(own.size()));
                        int seats = procedure.code().equals(SCARCE) ? 2 : 1 + random.nextInt(2);
                        String minimumLevel = procedure.code().equals(EXPERT_ONLY) ? "EXPERT" : "QUALIFIED";
                        activities.add(activity(department, date, startHour, procedure.name() + " list",
                                procedure.code(), seats, minimumLevel, "Day unit " + (session + 1)));
                        activities.add(activity(department, date, startHour,
                                (department.equals("UROLOGY") ? "Urology" : "Gynaecology") + " clinic", null,
                                1 + random.nextInt(3), "QUALIFIED", "Outpatients " + (char) ('A' + session)));
                    }
                }
            }
        }
        for (int i = 0; i < 6; i++) {
            Clinician clinician = clinicians.get(random.nextInt(clinicians.size()));
            LocalDate from = firstMonday.plusDays(random.nextInt(WEEKS * 7 - 5));
            absences.add(new Absence(clinician.externalId(), from.atStartOfDay(ZONE).toInstant(),
                    from.plusDays(2 + random.nextInt(4)).atStartOfDay(ZONE).toInstant(), "Annual leave"));
        }
        for (int i = 0; i < 20; i++) {
            Clinician clinician = clinicians.get(random.nextInt(clinicians.size()));
            LocalDate date = firstMonday.plusDays(random.nextInt(WEEKS * 7));
            preferences.add(new Preference(clinician.externalId(), date, random.nextBoolean() ? "DESIRED" : "UNDESIRED"));
        }
        addTeachingDepartment(new Random(seed + 1), today);
    }

    /** A theatre list of the teaching department: its primary, its secondary and two residents learning. */
    static final List<Seat> TEACHING_LIST = List.of(new Seat("EXPERT", 1, false), new Seat("QUALIFIED", 1, false),
            new Seat("TRAINEE", 2, true));
    /** Friday's skills list: one consultant teaching, who may take only one resident (ratio 1) of the three seats. */
    static final List<Seat> SKILLS_LIST = List.of(new Seat("EXPERT", 1, false), new Seat("TRAINEE", 3, true));

    /**
     * General surgery: 4 consultants (EXPERT), 4 registrars (QUALIFIED) and 6 residents holding TRAINEE credentials,
     * two theatre lists a weekday. Drawn from its own generator after the other departments, so theirs stay as they
     * were before it existed.
     */
    private void addTeachingDepartment(Random random, LocalDate today) {
        List<Procedure> procedures = PROCEDURES.stream().filter(p -> p.department().equals(TEACHING)).toList();
        int first = clinicians.size();
        for (int i = 0; i < 14; i++) {
            String role = i < 4 ? "FACULTY" : i < 8 ? "FELLOW" : "RESIDENT";
            String level = i < 4 ? "EXPERT" : i < 8 ? "QUALIFIED" : "TRAINEE";
            String name = "Dr " + GIVEN[(i * 3 + 5) % GIVEN.length] + " " + FAMILY[(i * 5 + 1) % FAMILY.length];
            Clinician clinician = new Clinician(String.format("DEMO-HR-%03d", first + i + 1), name, role,
                    List.of(TEACHING), random.nextInt(5) == 0 ? 0.6 : 1.0, 2400);
            clinicians.add(clinician);
            for (Procedure procedure : procedures) {
                credentials.add(new Credential(clinician.externalId(), procedure.code(), level, today.minusYears(1),
                        today.plusYears(2)));
            }
        }
        for (int week = 0; week < WEEKS; week++) {
            for (int day = 0; day < 5; day++) {
                LocalDate date = firstMonday.plusWeeks(week).plusDays(day);
                for (int session = 0; session < 2; session++) {
                    Procedure procedure = procedures.get(session);
                    boolean skills = day == 4 && session == 1;
                    activities.add(activity(TEACHING, date, session == 0 ? 8 : 13,
                            skills ? "Hernia skills list" : procedure.name() + " list", procedure.code(),
                            skills ? SKILLS_LIST : TEACHING_LIST, skills ? 1 : null, "Theatre " + (session + 1)));
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            Clinician clinician = clinicians.get(first + random.nextInt(14));
            LocalDate from = firstMonday.plusDays(random.nextInt(WEEKS * 7 - 5));
            absences.add(new Absence(clinician.externalId(), from.atStartOfDay(ZONE).toInstant(),
                    from.plusDays(3).atStartOfDay(ZONE).toInstant(), "Study leave"));
        }
    }

    /**
     * Two procedures make the demo tell a story: only two urologists hold TRUSB, and the expert's credential expires
     * after the second week; LLETZ lists need an EXPERT, and the gynaecologists holding it are only QUALIFIED.
     */
    private static final String SCARCE = "TRUSB";
    private static final String EXPERT_ONLY = "LLETZ";

    private void grantScarceCredentials(LocalDate today) {
        credentials.add(new Credential(clinicians.get(0).externalId(), SCARCE, "EXPERT", today.minusYears(1),
                firstMonday.plusDays(13)));
        credentials.add(new Credential(clinicians.get(1).externalId(), SCARCE, "QUALIFIED", today.minusYears(1), null));
        for (int i = 22; i < 26; i++) {
            credentials.add(new Credential(clinicians.get(i).externalId(), EXPERT_ONLY, "QUALIFIED",
                    today.minusYears(1), null));
        }
    }

    private int sequence;

    private Activity activity(String department, LocalDate date, int startHour, String title, String procedure,
            int required, String minimumLevel, String location) {
        sequence++;
        return new Activity(String.format("DEMO-EHR-%04d", sequence), department, title,
                date.atTime(startHour, 0).atZone(ZONE).toInstant(),
                date.atTime(startHour + 4, 0).atZone(ZONE).toInstant(), location, procedure, required, minimumLevel,
                null, null);
    }

    private Activity activity(String department, LocalDate date, int startHour, String title, String procedure,
            List<Seat> seats, Integer traineesPerSupervisor, String location) {
        sequence++;
        return new Activity(String.format("DEMO-EHR-%04d", sequence), department, title,
                date.atTime(startHour, 0).atZone(ZONE).toInstant(),
                date.atTime(startHour + 4, 0).atZone(ZONE).toInstant(), location, procedure, 0, null, seats,
                traineesPerSupervisor);
    }
}
