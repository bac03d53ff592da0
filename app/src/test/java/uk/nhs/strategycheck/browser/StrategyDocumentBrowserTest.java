package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.strategydocument.analysis.StrategyFixtures;

/**
 * The strategy document check in the browser: an editor uploads the trust's strategy, watches it
 * being checked, reads what it shows and adds a quote to a statement's evidence; an ICS leader
 * compares members' documents; every kind of bad file is refused with a clear message and nothing
 * stored. Each screen is scanned with axe-core.
 */
class StrategyDocumentBrowserTest extends BrowserTest {

    private static final String STRATEGY = "riverside-digital-strategy.pdf";
    private static final String LONG_STRATEGY = "summit-ten-year-vision.pdf";
    private static final String RJ1_DOCUMENTS = "trust_id = (select id from trust where ods_code = 'RJ1')";

    @Autowired
    TestDatabase database;

    private static final String RJ1_THIS_YEAR = "trust_id = (select id from trust where ods_code = 'RJ1') and cycle_name = '2026/27'";

    private JdbcTemplate owner;
    private String statusBefore;
    private Map<String, Object> answerBefore;

    /** RJ1's assessment of this year, open for answers (another test may have approved it), with no document yet. */
    @BeforeEach
    void openAssessmentWithoutADocument() {
        owner = database.owner();
        owner.update("delete from strategy_document where " + RJ1_DOCUMENTS);
        statusBefore = owner.queryForObject("select status from assessment where " + RJ1_THIS_YEAR, String.class);
        owner.update("update assessment set status = 'DRAFT' where " + RJ1_THIS_YEAR);
    }

    @AfterEach
    void putBackWhatTheTestChanged() {
        owner.update("delete from strategy_document where " + RJ1_DOCUMENTS);
        if (answerBefore != null) {
            owner.update("update answer set evidence = ?, version = ? where assessment_id = ? and statement_id = ?",
                    answerBefore.get("evidence"), answerBefore.get("version"), answerBefore.get("assessment_id"),
                    answerBefore.get("statement_id"));
        }
        // Last: an approved assessment's answers are frozen.
        owner.update("update assessment set status = ? where " + RJ1_THIS_YEAR, statusBefore);
    }

    static byte[] corpus(String name) {
        return StrategyFixtures.bytes(StrategyFixtures.document(name));
    }

    private void upload(String name, byte[] content) {
        page.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload(name, "application/octet-stream", content));
    }

    @Test
    void anEditorUploadsTheStrategyWatchesItBeingCheckedAndAddsAQuoteToAStatementsEvidence() {
        signInAs("editor@demo.example");
        open("strategy-document");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Strategy document");
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("No strategy document has been checked for this cycle yet.");

        // Progress is shown while the long document is read: recorded as it happens, since it passes.
        page.evaluate("() => { window.progressSeen = []; new MutationObserver(() => {"
                + " const status = document.querySelector('.document-status');"
                + " const bar = document.querySelector('vaadin-progress-bar');"
                + " if (bar && !bar.hidden && status && status.textContent) window.progressSeen.push(status.textContent); })"
                + ".observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true}); }");
        upload(LONG_STRATEGY, corpus(LONG_STRATEGY));
        assertThat(page.locator(".document-status")).containsText("Checked and saved: " + LONG_STRATEGY,
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat((java.util.List<?>) page.evaluate("() => window.progressSeen")).isNotEmpty();

        // A new version replaces it; the first is kept.
        upload(STRATEGY, corpus(STRATEGY));
        assertThat(page.locator(".document-status")).containsText("Checked and saved: " + STRATEGY,
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.locator(".document-earlier")).containsText(LONG_STRATEGY);
        assertThat(owner.queryForObject("select count(*) from strategy_document where superseded_at is null and " + RJ1_DOCUMENTS,
                Long.class)).isEqualTo(1);
        var facts = page.locator(".document-facts");
        assertThat(facts).containsText("Period");
        assertThat(facts).containsText("Foreword signed by");
        assertThat(page.locator(".document-characteristic")).hasCount(7);
        assertThat(page.locator(".signal").first()).containsText(", page ");
        assertNoAccessibilityViolations();

        // The first characteristic with a signal: its page shows it, and one click adds the quote to S1's evidence.
        var signal = owner.queryForMap("""
                select lower(c.key) as code, s ->> 'quote' as quote, (s ->> 'page')::int as page
                  from strategy_document d, jsonb_each(d.analysis -> 'characteristics') with ordinality c(key, value, n),
                       jsonb_array_elements(c.value -> 'signals') with ordinality e(s, m)
                 where d.superseded_at is null and d.""" + RJ1_DOCUMENTS + " order by c.n, e.m limit 1");
        String characteristic = (String) signal.get("code");
        answerBefore = owner.queryForMap("""
                select an.assessment_id, an.statement_id, an.evidence, an.version
                  from answer an join assessment a on a.id = an.assessment_id and a.ics_id = an.ics_id
                  join statement s on s.id = an.statement_id join characteristic c on c.id = s.characteristic_id
                 where a.trust_id = (select id from trust where ods_code = 'RJ1') and a.cycle_name = '2026/27'
                   and upper(c.code) = upper(?) and s.code = 'S1'""", characteristic);
        open("assessment/" + characteristic);
        var signals = page.locator(".document-signals");
        assertThat(signals).containsText((String) signal.get("quote"));
        assertNoAccessibilityViolations();
        signals.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Add this quote to the evidence of statement S1")).first().click();
        String added = "\u201c" + signal.get("quote") + "\u201d (strategy document, page " + signal.get("page") + ")";
        assertThat(page.locator(".statement").first().locator(".save-status")).containsText("Saved at");
        assertThat(owner.queryForObject("select evidence from answer where assessment_id = ? and statement_id = ?", String.class,
                answerBefore.get("assessment_id"), answerBefore.get("statement_id"))).endsWith(added);
    }

    @Test
    void anIcsLeaderComparesMembersDocumentsAndDownloadsThemAsCsv() throws Exception {
        database.storeStrategyDocument("RJ1", "2026/27", "editor@demo.example", STRATEGY);

        signInAs("ics.leader@demo.example");
        open("strategy-documents");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Members' strategy documents");
        page.locator("vaadin-select.cycle-chooser").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("2026/27")).click();
        var grid = page.locator("vaadin-grid");
        assertThat(grid).containsText(STRATEGY);
        assertThat(grid).containsText("No document uploaded");
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("1 of ");
        assertNoAccessibilityViolations();

        var download = page.waitForDownload(page.getByText("Download the comparison as CSV")::click);
        var csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).contains("RJ1,Guy's and St Thomas' NHS Foundation Trust,2026/27," + STRATEGY);
        assertThat(csv.lines().count()).isGreaterThan(2);
    }

    @Test
    void everyKindOfBadFileIsRefusedWithAClearMessageAndNothingIsStored() {
        signInAs("editor@demo.example");
        open("strategy-document");
        var problem = page.locator(".document-problem");
        var refusals = Map.of(
                "bad/encrypted.pdf", "protected with a password",
                "bad/scanned.pdf", "scanned pages",
                "bad/empty.pdf", "This file is empty",
                "bad/program.pdf", "a program (an executable file)",
                "bad/archive.pdf", "compressed archive",
                "bad/damaged.pdf", "looks damaged",
                "bad/bomb.docx", "far more than a strategy document would",
                "bad/not-a-strategy.pdf", "does not look like a digital strategy");
        for (var refusal : refusals.entrySet()) {
            String name = refusal.getKey().substring(4);
            upload(name, corpus(refusal.getKey()));
            assertThat(problem).containsText(name + " was not saved.", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            assertThat(problem).containsText(refusal.getValue());
            assertThat(problem).hasAttribute("role", "alert");
        }
        assertNoAccessibilityViolations();

        // Over 20 MB: refused before it is sent. (A file on disk: the browser reads it there.)
        var oversized = StrategyFixtures.oversized();
        page.locator("vaadin-upload input[type=file]").setInputFiles(oversized);
        assertThat(problem).containsText(oversized.getFileName() + " was not uploaded. The file is larger than 20 MB.");
        assertThat(owner.queryForObject("select count(*) from strategy_document where " + RJ1_DOCUMENTS, Long.class)).isZero();
        assertThat(page.locator(".v-system-error, vaadin-dev-tools")).hasCount(0);
    }
}
