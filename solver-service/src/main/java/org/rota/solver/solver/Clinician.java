package org.rota.solver.solver;

/**
 * A clinician who can be assigned. {@code maxMinutesPerWeek} is the full-time weekly cap; the effective cap is
 * {@code fte × maxMinutesPerWeek}; without one, the solver's {@code defaultMaxMinutesPerWeek} applies. Omitted
 * {@code fte} means full time, omitted {@code active} means active.
 */
public record Clinician(String id, Double fte, Integer maxMinutesPerWeek, Boolean active, String role) {

    public Clinician {
        Checks.require(id != null && !id.isBlank(), "clinicians[].id", "is required");
        fte = fte == null ? 1.0 : fte;
        Checks.require(fte > 0 && fte <= 1, "clinicians[].fte", "must be in (0, 1] but was " + fte + " for " + id);
        Checks.require(maxMinutesPerWeek == null || maxMinutesPerWeek >= 0, "clinicians[].maxMinutesPerWeek",
                "must not be negative for " + id);
        active = active == null ? Boolean.TRUE : active;
    }

    public Clinician(String id, double fte, Integer maxMinutesPerWeek) {
        this(id, fte, maxMinutesPerWeek, true, null);
    }

    /** The weekly cap after applying the fte, the clinician's own cap or else {@code defaultMaxMinutesPerWeek}. */
    public int weeklyCapMinutes(int defaultMaxMinutesPerWeek) {
        int cap = maxMinutesPerWeek != null ? maxMinutesPerWeek : defaultMaxMinutesPerWeek;
        return (int) Math.floor(fte * cap + 1e-9);
    }
}
