package org.rota.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.rota.web.grid.DayPart;
import org.rota.web.grid.GridFilter;
import org.rota.web.grid.WeekGrid;
import org.rota.web.grid.WeekGridBuilder;

class WeekGridBuilderTest {

    private final WeekGridBuilder builder = new WeekGridBuilder(Demo.ZONE);

    @Test
    void aDayHasAMorningBeforeNoonAnAfternoonBeforeFiveAndAnEveningAfter() {
        assertThat(DayPart.of(LocalTime.of(11, 59))).isEqualTo(DayPart.AM);
        assertThat(DayPart.of(LocalTime.NOON)).isEqualTo(DayPart.PM);
        assertThat(DayPart.of(LocalTime.of(16, 59))).isEqualTo(DayPart.PM);
        assertThat(DayPart.of(LocalTime.of(17, 0))).isEqualTo(DayPart.EVENING_NIGHT);
    }

    @Test
    void anAssignmentSitsInItsClinicianRowUnderItsDayAndPart() {
        WeekGrid grid = builder.build(Demo.DEPARTMENT, Demo.MONDAY, 1, GridFilter.NONE, Demo.clinicians(),
                Demo.activities(), Demo.allocation());

        assertThat(grid.columns()).hasSize(21);
        WeekGrid.Row ada = grid.rows().get(0);
        assertThat(ada.clinicianId()).isEqualTo(Demo.ADA);
        int tuesdayMorning = 3;
        assertThat(ada.cells().get(tuesdayMorning)).singleElement()
                .satisfies(e -> assertThat(e.activityId()).isEqualTo(Demo.VASECTOMY_LIST))
                .satisfies(e -> assertThat(e.seat()).isEqualTo("QUALIFIED"));
        int thursdayEvening = 3 * 3 + 2;
        assertThat(grid.unfilled().get(thursdayEvening)).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo("ALL_ELIGIBLE_BUSY"));
        assertThat(grid.rows().get(1).cells()).allSatisfy(cell -> assertThat(cell).isEmpty());
    }

    @Test
    void aProcedureFilterLeavesOtherActivitiesOutAndAClinicianFilterOtherRows() {
        WeekGrid grid = builder.build(Demo.DEPARTMENT, Demo.MONDAY, 1, new GridFilter("VAS", Demo.BEN),
                Demo.clinicians(), Demo.activities(), Demo.allocation());

        assertThat(grid.rows()).extracting(WeekGrid.Row::clinicianId).containsExactly(Demo.BEN);
        assertThat(grid.unfilled()).allSatisfy(cell -> assertThat(cell).isEmpty());
        assertThat(grid.lines()).isEmpty();
        assertThat(grid.procedures()).containsExactly("VAS");
    }

    @Test
    void theListLayoutHasEachActivityWithItsStaffInStartOrder() {
        WeekGrid grid = builder.build(Demo.DEPARTMENT, Demo.MONDAY, 1, GridFilter.NONE, Demo.clinicians(),
                Demo.activities(), Demo.allocation());

        assertThat(grid.lines()).extracting(WeekGrid.ActivityLine::activityId)
                .containsExactly(Demo.VASECTOMY_LIST, Demo.EVENING_CLINIC);
        assertThat(grid.lines().get(0).staff()).extracting(WeekGrid.Staff::name).containsExactly("Ada Lovelace");
        assertThat(grid.lines().get(1).unfilled()).singleElement()
                .satisfies(u -> assertThat(u.seats()).isEqualTo(1));
    }
}
