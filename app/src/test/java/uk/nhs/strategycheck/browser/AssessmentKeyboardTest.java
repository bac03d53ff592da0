package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.strategycheck.OrganisationFixture;
import uk.nhs.strategycheck.TestDatabase;

/**
 * A whole cycle with the keyboard alone: the editor tries to submit, follows the error summary's
 * link to a statement still to score, answers it and the next with the keyboard, checks the
 * answers and submits; the approver checks the answers and approves, ticking the declaration
 * only after being told to. After every key press the focused element must be on screen and not
 * under the page header or the sticky score bar. Uses its own trust (ZKB1) with 26 of its 28
 * statements already scored.
 */
class AssessmentKeyboardTest extends BrowserTest {

    private static final String DOMAIN = "@keyboard.test";
    private static final String CULTURE_S3 = "Staff across the organisation can describe the strategy's priorities in their own words.";
    private static final String CULTURE_S4 = "Teams measure their services and improve them continuously (for example "
            + "retrospectives, service performance data).";

    /**
     * "ok", or what is wrong with the focused element (the innermost, through shadow roots):
     * nothing focused, not drawn, not wholly in the viewport (or, taller than it, its top not), or covered (at its centre or just
     * inside its top edge something else is drawn on top, such as the header or the sticky score
     * bar).
     */
    private static final String FOCUS_PROBLEM = """
            () => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
              if (!el || el === document.body) return 'nothing focused';
              const what = el.tagName + ' "' + (el.getAttribute('aria-label') || el.textContent || el.value || '')
                  .trim().slice(0, 60) + '"';
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) return 'not drawn: ' + what;
              const parent = n => n.parentNode instanceof ShadowRoot ? n.parentNode.host
                  : n.assignedSlot || n.parentElement || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null);
              // Something taller than the window (the main content, focused after navigating) shows its top.
              const tall = r.height > innerHeight;
              if (r.top < 0 || r.top >= innerHeight || (!tall && r.bottom > innerHeight) || r.left < 0 || r.right > innerWidth) {
                const scrollers = [];
                for (let n = parent(el); n && n.nodeType === 1; n = parent(n)) {
                  const s = getComputedStyle(n);
                  if (n.scrollHeight > n.clientHeight && /(auto|scroll)/.test(s.overflowY) || n === document.documentElement)
                    scrollers.push(n.tagName + '.' + n.className + '[' + n.getAttribute('part') + '] top ' + n.scrollTop
                        + ' box ' + Math.round(n.getBoundingClientRect().top) + '..' + Math.round(n.getBoundingClientRect().bottom)
                        + ' padding ' + s.scrollPaddingTop + '/' + s.scrollPaddingBottom);
                }
                return 'not wholly on screen: ' + what + ' at ' + Math.round(r.top) + '..' + Math.round(r.bottom)
                    + ' of ' + innerHeight + '; scrolled by ' + scrollers.join('; ');
              }
              const within = (inner, outer) => { for (let n = inner; n; n = parent(n)) { if (n === outer) return true; } return false; };
              const top = (x, y) => { let hit = document.elementFromPoint(x, y);
                while (hit && hit.shadowRoot) { const deeper = hit.shadowRoot.elementFromPoint(x, y);
                  if (!deeper || deeper === hit) break; hit = deeper; }
                return hit; };
              for (const [x, y] of [[r.left + r.width / 2, r.top + r.height / 2], [r.left + r.width / 2, r.top + Math.min(3, r.height / 2)]]) {
                if (y >= innerHeight) continue;
                const hit = top(x, y);
                if (hit && !within(hit, el) && !within(el, hit)) {
                  let cover = hit;
                  for (let n = hit; n; n = parent(n)) {
                    if (n.classList && n.classList.contains('live-summary')) { cover = n; break; }
                    if (n.getAttribute && n.getAttribute('part') === 'navbar') { cover = n; break; }
                  }
                  return what + ' is covered at (' + Math.round(x) + ', ' + Math.round(y) + ') by ' + cover.tagName
                      + ' ' + (cover.className || cover.getAttribute('part') || '');
                }
              }
              return 'ok';
            }""";

    @Autowired
    TestDatabase database;

    private JdbcTemplate owner;
    private OrganisationFixture fixture;
    private long assessment;

    @BeforeEach
    void trustWithTwoStatementsToScore() {
        owner = database.owner();
        fixture = new OrganisationFixture(owner, "ZKB", DOMAIN);
        fixture.remove();
        long ics = owner.queryForObject("select id from ics where ods_code = 'QKK'", Long.class);
        long trust = fixture.trust("ZKB1", ics, "acute");
        fixture.user("editor", "TRUST_EDITOR", ics, trust);
        fixture.user("approver", "TRUST_APPROVER", ics, trust);
        assessment = fixture.assessment(trust, "2026/27", "Y56", "DRAFT");
        owner.update("""
                insert into answer (ics_id, trust_id, assessment_id, statement_id, score, evidence)
                select t.ics_id, t.id, ?, s.id,
                       case when c.code = 'CULTURE' and s.code in ('S3', 'S4') then null else 3 end,
                       case when c.code = 'CULTURE' and s.code in ('S3', 'S4') then '' else 'Board minutes' end
                  from trust t, statement s join characteristic c on c.id = s.characteristic_id
                  join framework f on f.id = c.framework_id
                 where t.id = ? and f.version = 1""", assessment, trust);
    }

    @AfterEach
    void removeTheTrust() {
        fixture.remove();
    }

    @Test
    void anEditorAndAnApproverTakeTheAssessmentThroughTheCycleWithTheKeyboardAlone() {
        signInAs("editor" + DOMAIN);
        open("check-your-answers");
        assertThat(heading(page)).hasText("Check your answers before you submit");

        // Submitting with two statements unscored: the error summary takes focus, with a link to each.
        tabTo(page, "Submit for approval");
        page.keyboard().press("Enter");
        var dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("We will email your trust's approvers to ask them to approve it: approver.");
        tabTo(page, "Submit for approval");
        page.keyboard().press("Enter");
        var summary = page.locator(".error-summary");
        assertThat(summary).isFocused();
        assertFocusClear(page);
        assertThat(summary.getByRole(AriaRole.LINK)).hasText(new String[] {
                "Score Lived in culture, practices and processes, S3: " + CULTURE_S3,
                "Score Lived in culture, practices and processes, S4: " + CULTURE_S4});
        assertThat(status()).isEqualTo("DRAFT");

        // The first link leads to the statement, its score focused.
        press(page, "Tab");
        press(page, "Enter");
        assertThat(heading(page)).hasText("7. Lived in culture, practices and processes");
        var s3 = page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName(CULTURE_S3));
        assertThat(s3.getByRole(AriaRole.RADIO).first()).isFocused();
        assertFocusClear(page);

        // Arrow keys choose a score; Tab goes on to the evidence, typed; then S4's score.
        press(page, "ArrowDown");
        press(page, "ArrowDown");
        press(page, "ArrowDown");
        assertThat(s3.getByRole(AriaRole.RADIO, new com.microsoft.playwright.Locator.GetByRoleOptions().setChecked(true)))
                .hasAccessibleName(java.util.regex.Pattern.compile("^4 Established"));
        press(page, "Tab");
        page.keyboard().type("Staff survey, November 2026.");
        press(page, "Tab");
        press(page, "Tab");
        var s4 = page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName(CULTURE_S4));
        assertThat(s4.getByRole(AriaRole.RADIO).first()).isFocused();
        press(page, "Space");
        press(page, "ArrowDown");
        assertThat(page.locator(".live-summary")).containsText("Overall: 28 of 28 statements answered.");
        assertThat(page.locator(".live-summary .rag")).hasText("3.0 Amber");

        // Backwards to the top of the page: no field hides under the sticky score bar or the header.
        for (int i = 0; i < 14; i++) {
            press(page, "Shift+Tab");
        }

        // On to check the answers, and submit.
        tabTo(page, "Check your answers");
        press(page, "Enter");
        assertThat(heading(page)).hasText("Check your answers before you submit");
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("4 out of 5: Established");
        tabTo(page, "Submit for approval");
        press(page, "Enter");
        tabTo(page, "Submit for approval");
        press(page, "Enter");
        assertThat(page.locator(".done-panel")).hasText("Assessment submitted for approval. "
                + "We have emailed your trust's approvers: approver.");
        assertThat(status()).isEqualTo("SUBMITTED");
        assertThat(owner.queryForObject("select evidence from answer a join statement s on s.id = a.statement_id "
                + "join characteristic c on c.id = s.characteristic_id where a.assessment_id = ? and c.code = 'CULTURE' "
                + "and s.code = 'S3'", String.class, assessment)).isEqualTo("Staff survey, November 2026.");

        // The approver checks the answers and approves: not before ticking the declaration.
        var approver = pageInNewContext();
        signInAs(approver, "approver" + DOMAIN);
        approver.navigate(url("check-your-answers"));
        assertThat(heading(approver)).hasText("Check the answers before you approve");
        tabTo(approver, "Approve");
        press(approver, "Enter");
        var confirmation = approver.getByRole(AriaRole.DIALOG);
        assertThat(confirmation).containsText("Once approved, its answers are frozen");
        tabTo(approver, "Approve");
        press(approver, "Enter");
        var problem = confirmation.locator(".error-summary");
        assertThat(problem).isFocused();
        assertThat(problem).containsText("Tick the box to confirm the declaration");
        assertThat(status()).isEqualTo("SUBMITTED");
        // On to the declaration. (Inside a dialog, Vaadin's focus trap does not go from the focused
        // summary to its link, so the test tabs on until the box has focus.)
        var box = confirmation.getByRole(AriaRole.CHECKBOX);
        for (int i = 0; i < 6 && !(Boolean) box.evaluate("input => input === document.activeElement"); i++) {
            press(approver, "Tab");
        }
        assertThat(box).isFocused();
        press(approver, "Space");
        assertThat(box).isChecked();
        tabTo(approver, "Approve");
        press(approver, "Enter");
        assertThat(approver.locator(".done-panel")).hasText("Assessment approved. Its answers are now frozen.");
        assertThat(status()).isEqualTo("APPROVED");
    }

    /** Presses a key and checks the focused element is in sight, under no bar. */
    private static void press(Page page, String key) {
        page.keyboard().press(key);
        assertFocusClear(page);
    }

    private static void assertFocusClear(Page page) {
        // Focus moves, and scrolling follows, a moment after the key (Vaadin answers the server first).
        String problem = "";
        for (int attempt = 0; attempt < 20; attempt++) {
            problem = (String) page.evaluate(FOCUS_PROBLEM);
            if (problem.equals("ok")) {
                return;
            }
            page.waitForTimeout(50);
        }
        assertThat(problem).as("the focused element on " + page.url()).isEqualTo("ok");
    }

    /** Tabs forward, checking each stop, until the focused element's text is the given one. */
    private static void tabTo(Page page, String text) {
        for (int i = 0; i < 80; i++) {
            press(page, "Tab");
            var focused = (String) page.evaluate("() => { let el = document.activeElement;"
                    + " while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;"
                    + " const host = el.closest('vaadin-button, a') || el; return host.textContent.trim(); }");
            if (focused.equals(text)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached \"" + text + "\" on " + page.url());
    }

    private String status() {
        return owner.queryForObject("select status from assessment where id = ?", String.class, assessment);
    }

    private static com.microsoft.playwright.Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }
}
