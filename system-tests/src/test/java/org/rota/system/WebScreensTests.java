package org.rota.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The people's screens in a real headless chromium against the running system: Keycloak's sign-in page, web calling
 * the three services with the user's token, live updates from rota.allocations.v1.
 */
class WebScreensTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Who is in which activity, as the grid shows it now. */
    private static final String PLACEMENTS = """
            return [...document.querySelectorAll('#grid tr[data-clinician-id] [data-activity-id]')]
                .map(cell => cell.closest('tr').dataset.clinicianId + ':' + cell.dataset.activityId).sort().join(' ')
            """;
    private static RotaSystem system;
    private static String web;

    @BeforeAll
    static void startRota() {
        system = RotaSystem.get();
        web = system.web().url();
    }

    /** A department of three: an expert and a qualified clinician for the procedure, and one without it. */
    private record Ward(Hospital hospital, String expert, String qualified, String outsider, String expertCredential,
            String procedureList, String clinic, JsonNode allocation) {

        String gridPath() {
            return "/rota/" + hospital.department + "/" + hospital.monday;
        }
    }

    private static Ward ward(int weeksAhead) {
        Hospital hospital = new Hospital(system.rota, weeksAhead);
        String procedure = hospital.procedure();
        String expert = hospital.clinician("Dr Ada Expert");
        String qualified = hospital.clinician("Dr Ben Qualified");
        String outsider = hospital.clinician("Dr Cy Outsider");
        String expertCredential = hospital.credential(expert, procedure, "EXPERT", null);
        hospital.credential(qualified, procedure, "QUALIFIED", null);
        List<String> activities = hospital.activities(List.of(hospital.activity(procedure, 0, 8, 1),
                hospital.activity(null, 2, 14, 1)));
        JsonNode allocation = Allocations.await(system.topics, hospital.windowId(),
                a -> a.path("assignments").size() == 2, PATIENCE);
        return new Ward(hospital, expert, qualified, outsider, expertCredential, activities.get(0), activities.get(1),
                allocation);
    }

    private static String cell(String clinician, String activity) {
        return "tr[data-clinician-id='" + clinician + "'] [data-activity-id='" + activity + "']";
    }

    @Test
    void aSchedulerSignsInAndTheGridShowsTheWeeksAllocationOpenedByKeyboard() {
        Ward ward = ward(4);
        try (Browser browser = new Browser(web)) {
            browser.signIn("scheduler", ward.gridPath());

            assertThat(browser.all(cell(ward.expert(), ward.procedureList()))).hasSize(1);
            String clinicHolder = Allocations.holder(ward.allocation(), ward.clinic());
            assertThat(browser.all(cell(clinicHolder, ward.clinic()))).hasSize(1);
            assertThat(browser.all("tr[data-clinician-id]")).hasSize(3);
            browser.screenshot("grid-scheduler");
            assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the grid").isEmpty();

            WebElement procedureList = browser.find(cell(ward.expert(), ward.procedureList()));
            procedureList.sendKeys(Keys.ENTER);
            browser.waitFor(PATIENCE, d -> !browser.all("#panel-title").isEmpty());
            browser.screenshot("panel-scheduler");
            assertThat(browser.script("return document.activeElement.id")).isEqualTo("panel-title");
            assertThat(browser.find("#panel tr[data-clinician-id='" + ward.outsider() + "'] .verdict").getText())
                    .isEqualTo("NO_CREDENTIAL");
            assertThat(browser.seriousAccessibilityViolations()).as("axe-core with the panel open").isEmpty();

            browser.open(ward.gridPath() + "?layout=list");
            assertThat(browser.all("table.list tr[data-activity-id='" + ward.procedureList() + "']")).hasSize(1);
            browser.screenshot("list-scheduler");
            assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the list").isEmpty();
        }
    }

    @Test
    void revokingACredentialThroughTheApiUpdatesTheCellWithinTenSecondsWithoutAReload() {
        Ward ward = ward(5);
        try (Browser browser = new Browser(web)) {
            browser.signIn("scheduler", ward.gridPath());
            assertThat(browser.all(cell(ward.expert(), ward.procedureList()))).hasSize(1);
            browser.waitFor(PATIENCE, d -> Boolean.TRUE.equals(browser.script(
                    "return !!document.querySelector('#live') && htmx.find('#live') !== null")));
            browser.script("window.sameDocument = true");

            Instant revoked = Instant.now();
            system.rota.post(system.rota.credentials + "/credentials/" + ward.expertCredential() + "/revoke",
                    Map.of("reason", "left the trust")).require("Revoking");

            browser.waitFor(Duration.ofSeconds(10),
                    d -> !browser.all(cell(ward.qualified(), ward.procedureList()) + ".changed").isEmpty());
            Instant shown = Instant.now();
            assertThat(browser.all(cell(ward.expert(), ward.procedureList()))).isEmpty();
            assertThat(browser.script("return window.sameDocument === true")).isEqualTo(true);
            JsonNode next = Allocations.await(system.topics, ward.hospital().windowId(),
                    a -> a.path("version").asLong() > ward.allocation().path("version").asLong(), PATIENCE);
            Instant published = Instant.parse(next.path("publishedAt").asText());
            System.out.printf("web live update: revocation -> cell %d ms, published -> cell %d ms%n",
                    Duration.between(revoked, shown).toMillis(), Duration.between(published, shown).toMillis());
            browser.screenshot("grid-after-revocation");
        }
    }

    @Test
    void aPinFromThePanelIsKeptAndABadPinShowsItsRuleWithTheGridAsItWas() {
        Ward ward = ward(6);
        String clinicHolder = Allocations.holder(ward.allocation(), ward.clinic());
        String other = clinicHolder.equals(ward.expert()) ? ward.qualified() : ward.expert();
        try (Browser browser = new Browser(web)) {
            browser.signIn("scheduler", ward.gridPath());

            browser.find(cell(ward.expert(), ward.procedureList())).click();
            browser.waitFor(PATIENCE, d -> !browser.all("#panel-title").isEmpty());
            Object placementsBefore = browser.script(PLACEMENTS);
            browser.find("#panel tr[data-clinician-id='" + ward.outsider() + "'] button.pin").click();
            WebElement refusal = browser.waitFor(PATIENCE, d -> browser.all("#panel .refusal").stream().findFirst()
                    .orElse(null));
            assertThat(refusal.getAttribute("data-rule")).isEqualTo("NO_CREDENTIAL");
            assertThat(refusal.getText()).contains("NO_CREDENTIAL");
            assertThat(browser.script(PLACEMENTS)).isEqualTo(placementsBefore);
            browser.screenshot("panel-pin-refused");

            browser.find(cell(clinicHolder, ward.clinic())).click();
            browser.waitFor(PATIENCE, d -> browser.all("#panel .panel-body[data-activity-id='" + ward.clinic()
                    + "']").size() == 1);
            browser.find("#panel tr[data-clinician-id='" + other + "'] button.pin").click();
            browser.waitFor(PATIENCE, d -> browser.all("#panel .pins li[data-clinician-id='" + other + "']")
                    .size() == 1);
            // the solver re-plans the week with the pin, and the grid follows live
            browser.waitFor(PATIENCE, d -> browser.all(cell(other, ward.clinic())).size() == 1);
            browser.screenshot("grid-after-pin");
        }
    }

    @Test
    void aViewerSeesTheExplanationsButNoPinButton() {
        Ward ward = ward(7);
        try (Browser browser = new Browser(web)) {
            browser.signIn("viewer", ward.gridPath());
            browser.find(cell(ward.expert(), ward.procedureList())).click();
            browser.waitFor(PATIENCE, d -> !browser.all("#panel-title").isEmpty());
            browser.screenshot("panel-viewer");

            assertThat(browser.all("#panel .verdict")).isNotEmpty();
            assertThat(browser.all("button.pin")).isEmpty();
            assertThat(browser.all("button.unpin")).isEmpty();
        }
    }

    @Test
    void unknownPagesSayWhatIsMissingAndSigningOutEndsTheSession() {
        try (Browser browser = new Browser(web)) {
            browser.signIn("viewer", "/rota/NO-SUCH-DEPARTMENT/2026-12-07");
            assertThat(browser.find("h1").getText()).isEqualTo("Department not found");
            browser.screenshot("not-found");
            assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the 404 page").isEmpty();

            browser.find("a.signout").click();
            browser.waitFor(PATIENCE, d -> d.getCurrentUrl().contains("/signed-out"));
            assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the signed-out page").isEmpty();
            browser.open("/rota/NO-SUCH-DEPARTMENT/2026-12-07");
            browser.waitFor(PATIENCE, d -> !browser.all("#username").isEmpty());
            browser.screenshot("signed-out-then-sign-in");
        }
    }
}
