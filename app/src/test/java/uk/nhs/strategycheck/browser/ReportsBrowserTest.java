package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.TestDatabase;

/** An ICS leader, and a national admin, download their board pack from the browser, and it opens. */
class ReportsBrowserTest extends BrowserTest {

    @Autowired
    TestDatabase database;
    @Autowired
    MeterRegistry meters;

    @Test
    void anIcsLeaderDownloadsTheBoardPackAndItOpens() throws IOException, InterruptedException {
        signInAs("ics.leader@demo.example");
        double asked = cache("hit") + cache("miss") + cache("shared");
        open("reports");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Reports");
        assertNoAccessibilityViolations();
        // The pack was asked for when the page opened, before any click: prepared ahead.
        long giveUpAt = System.currentTimeMillis() + 30_000;
        while (cache("hit") + cache("miss") + cache("shared") == asked && System.currentTimeMillis() < giveUpAt) {
            Thread.sleep(20);
        }
        assertThat(cache("hit") + cache("miss") + cache("shared")).isGreaterThan(asked);
        double made = cache("miss");

        try (var pdf = prepareAndDownload("ICS board pack", "South East London ICS", "board-pack-QKK")) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(6);
            assertThat(new PDFTextStripper().getText(pdf)).contains("South East London").contains("OFFICIAL");
        }
        assertThat(database.owner().queryForObject("""
                select count(*) from audit_event where action = 'REPORT_DOWNLOADED' and user_email = 'ics.leader@demo.example'
                   and after ->> 'subject' = 'QKK'""", Long.class)).isPositive();
        // The click found the pack made ahead: nothing was made again.
        assertThat(cache("miss")).isEqualTo(made);
    }

    private double cache(String outcome) {
        return meters.get("dsc.reports.cache").tag("outcome", outcome).counter().count();
    }

    @Test
    void aNationalAdminDownloadsEnglandsBoardPack() throws IOException {
        signInAs("national.admin@demo.example");
        open("reports");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("National board pack"))).isVisible();
        assertThat(page.getByText("Prepare ICS board pack (PDF)")).hasCount(0);
        assertNoAccessibilityViolations();

        try (var pdf = prepareAndDownload("National board pack", "England", "national-pack-England")) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("National board pack").contains("OFFICIAL");
        }
        assertThat(database.owner().queryForObject("""
                select count(*) from audit_event where action = 'REPORT_DOWNLOADED'
                   and user_email = 'national.admin@demo.example' and entity_type = 'country'""", Long.class)).isPositive();
    }

    /** Prepares the report, waits for its link (pushed, not polled), downloads it and opens the PDF. */
    private PDDocument prepareAndDownload(String report, String subject, String fileName) throws IOException {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prepare " + report + " (PDF)")).click();
        var link = page.locator("a.report-download");
        assertThat(link).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(60_000));
        assertThat(page.locator(".report-status").first()).containsText("Ready: " + report + " for " + subject);
        assertNoAccessibilityViolations();

        var download = page.waitForDownload(link::click);
        assertThat(download.suggestedFilename()).matches(fileName + "-\\d{4}-\\d{2}\\.pdf");
        return Loader.loadPDF(Files.readAllBytes(download.path()));
    }
}
