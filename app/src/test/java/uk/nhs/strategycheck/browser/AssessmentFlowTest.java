package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.strategycheck.OrganisationFixture;
import uk.nhs.strategycheck.TestDatabase;

/**
 * The self-assessment in the browser: an editor completes it and submits it from check your
 * answers, an approver approves it with the declaration and a viewer reads it; two editors change
 * the same answer at once; each state is scanned with axe-core. What the screens say is checked
 * against the database as its owner. Uses its own trust (ZAF1), whose 2026/27 draft starts as a
 * copy of the demo trust RJ1's (demo data 102), so the demo data is left as it was.
 */
class AssessmentFlowTest extends BrowserTest {

    private static final String DOMAIN = "@assessment-flow.test";
    private static final String EDITOR = "editor" + DOMAIN;
    private static final String APPROVER = "approver" + DOMAIN;
    private static final String VIEWER = "viewer" + DOMAIN;
    private static final String TRUST_NAME = "Test ZAF1 NHS Trust";

    private static final Pattern SAVED_AT = Pattern.compile("^Saved at \\d{2}:\\d{2}$");

    private static final Map<Integer, String> SCALE = Map.of(
            1, "1 Not in place: Nothing shows this yet.",
            2, "2 Emerging: Intended or started in places; not written down or not used.",
            3, "3 Developing: Written down and partly used; gaps the trust can name.",
            4, "4 Established: Consistently done, with evidence, across the organisation.",
            5, "5 Leading: Established, reviewed, improved, and others learn from it.");

    private record Characteristic(String code, int position, String name) {
        String route() {
            return "assessment/" + code.toLowerCase();
        }

        String heading() {
            return position + ". " + name;
        }
    }

    private static final Characteristic LEADERSHIP = new Characteristic("LEADERSHIP", 1, "Led by the executive, framed as outcomes");
    private static final Characteristic CONTEXT = new Characteristic("CONTEXT", 2, "Shaped by our context and our users");
    private static final Characteristic BASICS = new Characteristic("BASICS", 3, "Fixes the basics first");
    private static final Characteristic CLARITY = new Characteristic("CLARITY", 4, "Clear, measurable and credible");
    private static final Characteristic HORIZON = new Characteristic("HORIZON", 5, "A near horizon, reviewed constantly");
    private static final Characteristic FOCUS = new Characteristic("FOCUS", 6, "Prioritised, not a wish list");
    private static final Characteristic CULTURE = new Characteristic("CULTURE", 7, "Lived in culture, practices and processes");
    private static final List<Characteristic> FRAMEWORK = List.of(LEADERSHIP, CONTEXT, BASICS, CLARITY, HORIZON, FOCUS, CULTURE);

    /**
     * One unscored statement of the 2026/27 draft (RJ1's in demo data 102), its text, the score
     * the editor gives it, and the characteristic's rating before and after: none until all four
     * of its statements are scored.
     */
    private record Scoring(Characteristic characteristic, String statement, String text, int score, String badgeBefore,
                           String badgeAfter) {
    }

    private static final List<Scoring> UNSCORED = List.of(
            new Scoring(CLARITY, "S4", "Progress against the measures is tracked and reported to the board.", 4,
                    notRated(3), "3.3 Amber"),
            new Scoring(HORIZON, "S3", "A review cycle (at least yearly) is scheduled, and past reviews changed the plan.",
                    3, notRated(2), notRated(3)),
            new Scoring(HORIZON, "S4", "The milestones for the next twelve months are explicit.", 2, notRated(3), "3.0 Amber"),
            new Scoring(FOCUS, "S3", "It acknowledges what it cannot fix in its horizon and manages expectations.", 3,
                    notRated(2), notRated(3)),
            new Scoring(FOCUS, "S4", "New demands go through a transparent prioritisation process.", 3, notRated(3),
                    "2.8 Amber"),
            // CULTURE S1 is scored with the keyboard only (see below).
            new Scoring(CULTURE, "S1", "Services are run by multidisciplinary teams that work in a user-centred, "
                    + "iterative way.", 4, notRated(0), notRated(1)),
            new Scoring(CULTURE, "S2", "Values and decision-making principles are written down and used in real decisions.",
                    1, notRated(1), notRated(2)),
            new Scoring(CULTURE, "S3", "Staff across the organisation can describe the strategy's priorities in their "
                    + "own words.", 1, notRated(2), notRated(3)),
            new Scoring(CULTURE, "S4", "Teams measure their services and improve them continuously (for example "
                    + "retrospectives, service performance data).", 5, notRated(3), "2.8 Amber"));

    private static String notRated(int scored) {
        return "Not rated yet: " + scored + " of 4 statements scored";
    }

    @Autowired
    TestDatabase database;

    private JdbcTemplate db;
    private OrganisationFixture fixture;
    private long trust;
    private long assessment;

    /** The trust, its people, and its draft: a copy of RJ1's, 19 of 28 statements answered. */
    @BeforeEach
    void trustWithADraft() {
        db = database.owner();
        fixture = new OrganisationFixture(db, "ZAF", DOMAIN);
        fixture.remove();
        long ics = db.queryForObject("select id from ics where ods_code = 'QKK'", Long.class);
        trust = fixture.trust("ZAF1", ics, "acute");
        for (var person : List.of(List.of("editor", "TRUST_EDITOR", "Priya Shah"),
                List.of("approver", "TRUST_APPROVER", "Tom Okafor"), List.of("viewer", "TRUST_VIEWER", "Val Viewer"),
                List.of("asha", "TRUST_EDITOR", "Asha Rahman"), List.of("ben", "TRUST_EDITOR", "Ben Carter"))) {
            db.update("update app_user set display_name = ? where email = ?", person.get(2),
                    fixture.user(person.get(0), person.get(1), ics, trust));
        }
        assessment = fixture.assessment(trust, "2026/27", "Y56", "DRAFT");
        db.update("""
                insert into answer (ics_id, trust_id, assessment_id, statement_id, score, evidence, evidence_links)
                select t.ics_id, t.id, ?, a.statement_id, a.score, a.evidence, a.evidence_links
                  from answer a join assessment x on x.ics_id = a.ics_id and x.id = a.assessment_id
                  join assessment_cycle c on c.id = x.cycle_id, trust t
                 where x.trust_id = (select id from trust where ods_code = 'RJ1') and c.name = '2026/27' and t.id = ?""",
                assessment, trust);
    }

    @AfterEach
    void removeTheTrust() {
        fixture.remove();
    }

    @Test
    void anEditorCompletesAndSubmitsTheAssessmentAnApproverSignsItOffAndAViewerReadsIt() {
        long auditBefore = db.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);

        // The editor's overview: a draft, 19 of 28 answered, and the way on.
        signInAs(EDITOR);
        open("assessment");
        var main = page.getByRole(AriaRole.MAIN);
        assertThat(heading(page)).hasText("Self-assessment 2026/27");
        assertThat(page.locator(".assessment-status")).hasText("Status: Draft");
        assertThat(page.locator("#overall-progress")).hasText("19 of 28 statements answered");
        assertThat(page.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuenow", "19");
        assertThat(main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Check your answers and submit")))
                .isVisible();
        assertThat(main.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(main).containsText(notRated(0));
        assertNoAccessibilityViolations();

        // Every characteristic page in turn, from the overview's first link and then "Next".
        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(LEADERSHIP.heading())).click();
        int answered = 19;
        String evidence = "Culture survey, November 2026: 41% of ward staff could name a priority of the strategy.";
        for (var characteristic : FRAMEWORK) {
            assertThat(page).hasURL(url(characteristic.route()));
            assertThat(heading(page)).hasText(characteristic.heading());
            var summary = page.locator(".live-summary");
            assertThat(summary).containsText("Overall: " + answered + " of 28 statements answered.");
            if (characteristic == CULTURE) {
                assertNoAccessibilityViolations();
            }
            for (var code : List.of("S1", "S2", "S3", "S4")) {
                var statement = statement(page, code);
                var group = statement.getByRole(AriaRole.RADIOGROUP);
                var scoring = UNSCORED.stream()
                        .filter(s -> s.characteristic() == characteristic && s.statement().equals(code)).findFirst();
                if (scoring.isEmpty()) {
                    assertThat(checked(group)).hasCount(1);
                    continue;
                }
                assertThat(group).hasAccessibleName(scoring.get().text());
                assertThat(checked(group)).hasCount(0);
                assertThat(summary.locator(".rag")).hasText(scoring.get().badgeBefore());
                if (characteristic == CULTURE && code.equals("S1")) {
                    // Evidence first: it saves by itself shortly after typing stops.
                    var field = evidenceField(statement);
                    field.click();
                    field.pressSequentially(evidence);
                    assertThat(statement.getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
                    assertThat(statement).containsText(evidence.length() + " of 4,000 characters");
                    assertThat(evidence(statementId(CULTURE, "S1"))).isEqualTo(evidence);
                    // Then the score with the keyboard only: Shift+Tab back into the radio group
                    // (with nothing chosen, that lands on its last option), Space, then an arrow.
                    page.keyboard().press("Shift+Tab");
                    assertThat(option(group, 5)).isFocused();
                    page.keyboard().press("Space");
                    assertThat(option(group, 5)).isChecked();
                    page.keyboard().press("ArrowUp");
                    assertThat(option(group, 4)).isFocused();
                } else {
                    option(group, scoring.get().score()).check();
                }
                answered++;
                assertThat(option(group, scoring.get().score())).isChecked();
                assertThat(checked(group)).hasCount(1);
                assertThat(summary.locator(".rag")).hasText(scoring.get().badgeAfter());
                assertThat(summary).containsText("Overall: " + answered + " of 28 statements answered.");
                assertThat(statement.getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
            }
            assertThat(summary.locator(".rag")).not().containsText("Not rated yet");
            if (characteristic != CULTURE) {
                var next = FRAMEWORK.get(FRAMEWORK.indexOf(characteristic) + 1);
                page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Characteristics"))
                        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next: " + next.name()))
                        .click();
            }
        }
        assertThat(answered).isEqualTo(28);

        // An improvement action, through the dialog.
        String actionTitle = "Run design-principles clinics for every divisional board";
        button(page, "Add an action").click();
        var dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Add an action: " + CULTURE.name()));
        assertThat(dialog).isVisible();
        assertNoAccessibilityViolations();
        dialog.getByLabel("What will be done").fill(actionTitle);
        dialog.getByLabel("Owner").fill("Chief Clinical Information Officer");
        var due = dialog.getByLabel("Due date");
        due.fill("15/3/2027");
        due.press("Enter");
        dialog.locator("vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("In progress")).click();
        assertThat(dialog.locator("vaadin-select")).containsText("In progress");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save action")).click();
        assertThat(dialog).isHidden();
        var actionRow = page.locator("vaadin-grid-cell-content");
        assertThat(actionRow.filter(new Locator.FilterOptions().setHasText(actionTitle))).isVisible();
        assertThat(actionRow.filter(new Locator.FilterOptions().setHasText("15 March 2027"))).isVisible();

        // Check your answers, then submit.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check your answers").setExact(true)).click();
        assertThat(page).hasURL(url("check-your-answers"));
        assertThat(heading(page)).hasText("Check your answers before you submit");
        assertThat(page.locator(".summary-list-row")).hasCount(28);
        assertThat(page.getByRole(AriaRole.MAIN)).containsText(actionTitle + ". Owner: Chief Clinical Information "
                + "Officer. Due: 15 March 2027. Status: In progress.");
        assertNoAccessibilityViolations();
        button(page, "Submit for approval").click();
        var submission = page.getByRole(AriaRole.DIALOG);
        assertThat(submission).containsText("We will email your trust's approvers to ask them to approve it: Tom Okafor.");
        submission.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for approval")).click();
        assertThat(page.locator(".done-panel")).hasText("Assessment submitted for approval. "
                + "We have emailed your trust's approvers: Tom Okafor.");
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("This assessment has been submitted for sign-off.");
        assertThat(button(page, "Submit for approval")).hasCount(0);
        assertThat(status()).isEqualTo("SUBMITTED");

        // The approver, in a fresh session, approves it from check your answers.
        var approver = pageInNewContext();
        signInAs(approver, APPROVER);
        approver.navigate(url("assessment"));
        assertThat(approver.locator(".assessment-status")).hasText("Status: Submitted for sign-off");
        assertThat(approver.getByRole(AriaRole.MAIN)).containsText("This assessment is waiting for your approval.");
        approver.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check the answers, then approve or return"))
                .click();
        assertThat(heading(approver)).hasText("Check the answers before you approve");
        button(approver, "Approve").click();
        var approval = approver.getByRole(AriaRole.DIALOG);
        approval.getByRole(AriaRole.CHECKBOX).check();
        assertNoAccessibilityViolations(approver);
        approval.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(approver.locator(".done-panel")).hasText("Assessment approved. Its answers are now frozen.");
        assertThat(button(approver, "Approve")).hasCount(0);
        assertThat(button(approver, "Return for changes")).hasCount(0);
        approver.navigate(url("assessment"));
        assertThat(approver.locator(".assessment-status")).hasText("Status: Approved");
        assertThat(approver.locator("ul.history li")).hasText(new Pattern[] {
                Pattern.compile("^Submitted for sign-off by Priya Shah on .+ at \\d{2}:\\d{2}$"),
                Pattern.compile("^Approved by Tom Okafor on .+ at \\d{2}:\\d{2}$")});
        assertNoAccessibilityViolations(approver);

        // The viewer sees the same answers, read-only, every option as readable as the chosen one.
        var viewer = pageInNewContext();
        signInAs(viewer, VIEWER);
        viewer.navigate(url(CULTURE.route()));
        var viewerMain = viewer.getByRole(AriaRole.MAIN);
        assertThat(heading(viewer)).hasText(CULTURE.heading());
        assertThat(viewerMain).containsText("You have view-only access to this assessment.");
        assertThat(viewer.locator(".live-summary .rag")).hasText("2.8 Amber");
        for (var scoring : UNSCORED.stream().filter(s -> s.characteristic() == CULTURE).toList()) {
            var statement = statement(viewer, scoring.statement());
            var group = statement.getByRole(AriaRole.RADIOGROUP);
            assertThat(group).hasAttribute("readonly", "");
            assertThat(option(group, scoring.score())).isChecked();
            for (int score = 1; score <= 5; score++) {
                if (score != scoring.score()) {
                    assertThat(option(group, score)).isDisabled();
                }
            }
            assertThat(evidenceField(statement)).not().isEditable();
        }
        // Unchosen options of a read-only group: dark text (#212b32, 14:1), not Lumo's faded grey.
        assertThat(viewer.evaluate("() => getComputedStyle(document.querySelector("
                + "'vaadin-radio-group[readonly] vaadin-radio-button:not([checked]) label')).color"))
                .isEqualTo("rgb(33, 43, 50)");
        assertThat(evidenceField(statement(viewer, "S1"))).hasValue(evidence);
        assertThat(viewerMain.getByText(actionTitle)).isVisible();
        assertThat(viewerMain.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertNoAccessibilityViolations(viewer);

        // What is really in the database.
        assertThat(db.queryForObject("select count(*) from answer where assessment_id = ? and score is not null",
                Integer.class, assessment)).isEqualTo(28);
        for (var scoring : UNSCORED) {
            assertThat(db.queryForObject("select score from answer where assessment_id = ? and statement_id = ?",
                    Integer.class, assessment, statementId(scoring.characteristic(), scoring.statement())))
                    .as(scoring.characteristic().code() + " " + scoring.statement()).isEqualTo(scoring.score());
        }
        var action = db.queryForMap("""
                select x.id, x.trust_id, x.owner_name, x.due_on, x.status, x.updated_by_name, c.code
                  from improvement_action x join characteristic c on c.id = x.characteristic_id
                 where x.assessment_id = ? and x.title = ?""", assessment, actionTitle);
        assertThat(action).containsEntry("trust_id", trust)
                .containsEntry("owner_name", "Chief Clinical Information Officer")
                .containsEntry("due_on", java.sql.Date.valueOf(LocalDate.of(2027, 3, 15)))
                .containsEntry("status", "IN_PROGRESS")
                .containsEntry("updated_by_name", "Priya Shah")
                .containsEntry("code", "CULTURE");
        assertThat(db.queryForList("""
                select from_status || '>' || to_status || ' ' || user_name from assessment_transition
                 where assessment_id = ? order by occurred_at, id""", String.class, assessment))
                .containsExactly("DRAFT>SUBMITTED Priya Shah", "SUBMITTED>APPROVED Tom Okafor");

        // The audit log: who changed what, with the values before and after, and who was told.
        String where = " from audit_event where id > " + auditBefore + " and trust_id = " + trust;
        assertThat(db.queryForList("select distinct action" + where + " order by action", String.class))
                .containsExactly("ACTION_ADDED", "ANSWER_CHANGED", "APPROVERS_EMAILED", "ASSESSMENT_APPROVED",
                        "ASSESSMENT_SUBMITTED");
        String cultureS1 = assessment + "/" + statementId(CULTURE, "S1");
        var cultureS1Changes = db.queryForList("select user_email || ': '"
                        + " || coalesce(before ->> 'score', 'no score') || ', \"' || (before ->> 'evidence')"
                        + " || '\", v' || (before ->> 'version') || ' -> '"
                        + " || coalesce(after ->> 'score', 'no score') || ', \"' || (after ->> 'evidence')"
                        + " || '\", v' || (after ->> 'version')" + where
                        + " and action = 'ANSWER_CHANGED' and entity_type = 'answer' and entity_id = ? order by id",
                String.class, cultureS1);
        // Space chose 5 and the arrow 4 at once: when both reach the server in one round trip,
        // only the 4 is saved; otherwise the 5 is saved first, then changed to 4.
        var evidenceSaved = EDITOR + ": no score, \"\", v0 -> no score, \"" + evidence + "\", v1";
        if (cultureS1Changes.size() == 2) {
            assertThat(cultureS1Changes).containsExactly(evidenceSaved,
                    EDITOR + ": no score, \"" + evidence + "\", v1 -> 4, \"" + evidence + "\", v2");
        } else {
            assertThat(cultureS1Changes).containsExactly(evidenceSaved,
                    EDITOR + ": no score, \"" + evidence + "\", v1 -> 5, \"" + evidence + "\", v2",
                    EDITOR + ": 5, \"" + evidence + "\", v2 -> 4, \"" + evidence + "\", v3");
        }
        var added = db.queryForMap("select entity_type, entity_id, user_email, before::text as before, "
                + "after ->> 'title' as title, after ->> 'ownerName' as owner" + where + " and action = 'ACTION_ADDED'");
        assertThat(added).containsEntry("entity_type", "improvement_action")
                .containsEntry("entity_id", String.valueOf(action.get("id")))
                .containsEntry("user_email", EDITOR)
                .containsEntry("before", null)
                .containsEntry("title", actionTitle)
                .containsEntry("owner", "Chief Clinical Information Officer");
        assertThat(db.queryForList("select action || ' ' || user_email || ' ' || coalesce(before ->> 'status', '-')"
                + " || ' ' || (after ->> 'status')" + where + " and entity_type = 'assessment' and entity_id = ?"
                + " and action like 'ASSESSMENT_%' order by id", String.class, String.valueOf(assessment)))
                .containsExactly("ASSESSMENT_SUBMITTED " + EDITOR + " DRAFT SUBMITTED",
                        "ASSESSMENT_APPROVED " + APPROVER + " SUBMITTED APPROVED");
        assertThat(db.queryForObject("select after ->> 'declaration'" + where + " and action = 'ASSESSMENT_APPROVED'",
                String.class)).startsWith("I confirm I have reviewed all 28 answers and their evidence");
    }

    @Test
    void twoEditorsChangingTheSameAnswerSeeEachOthersChangesAndChooseWhichToKeep() {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String textOfA = "Asha's note " + run + ": the discharge team runs fortnightly retrospectives.";
        String textOfB = "Ben's note " + run + ": only the EPR team works in multidisciplinary squads.";

        var a = page;
        signInAs(a, "asha" + DOMAIN);
        a.navigate(url(CULTURE.route()));
        assertThat(heading(a)).hasText(CULTURE.heading());
        var b = pageInNewContext();
        signInAs(b, "ben" + DOMAIN);
        b.navigate(url(CULTURE.route()));
        assertThat(heading(b)).hasText(CULTURE.heading());
        assertThat(b.getByRole(AriaRole.MAIN)).containsText(TRUST_NAME);
        long s1 = statementId(CULTURE, "S1");

        // A saves first; B, whose page was loaded before, then saves over it.
        evidenceField(statement(a, "S1")).fill(textOfA);
        assertThat(statement(a, "S1").getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
        assertThat(evidence(s1)).isEqualTo(textOfA);

        var fieldOfB = evidenceField(statement(b, "S1"));
        fieldOfB.fill(textOfB);
        var conflict = statement(b, "S1").getByRole(AriaRole.ALERT);
        assertThat(conflict).containsText("Asha Rahman changed this answer while you were editing it.");
        assertThat(conflict).containsText("Evidence: " + textOfA);
        assertThat(conflict).containsText("Your answer is still in the form below it.");
        assertThat(fieldOfB).hasValue(textOfB);
        assertThat(statement(b, "S1").getByRole(AriaRole.STATUS))
                .hasText("Not saved: Asha Rahman changed this answer while you were editing it.");
        assertThat(evidence(s1)).isEqualTo(textOfA);
        assertNoAccessibilityViolations(b);

        // B keeps their own answer.
        conflict.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep my answer")).click();
        assertThat(conflict).isHidden();
        assertThat(statement(b, "S1").getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
        assertThat(fieldOfB).hasValue(textOfB);
        assertThat(evidence(s1)).isEqualTo(textOfB);
        assertThat(db.queryForObject("select updated_by_name from answer where assessment_id = ? and statement_id = ?",
                String.class, assessment, s1)).isEqualTo("Ben Carter");

        // A reloads and sees B's answer.
        a.reload();
        assertThat(evidenceField(statement(a, "S1"))).hasValue(textOfB);
        assertThat(statement(a, "S1").getByRole(AriaRole.STATUS)).containsText("Last saved by Ben Carter on ");

        // On S2, B (still on the page loaded earlier) takes A's answer instead.
        long s2 = statementId(CULTURE, "S2");
        var groupOfA = statement(a, "S2").getByRole(AriaRole.RADIOGROUP);
        option(groupOfA, 4).check();
        assertThat(statement(a, "S2").getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
        String evidenceOfA = evidence(s2);

        var s2OfB = statement(b, "S2");
        evidenceField(s2OfB).fill("Ben's S2 note " + run);
        var secondConflict = s2OfB.getByRole(AriaRole.ALERT);
        assertThat(secondConflict).containsText("Asha Rahman changed this answer while you were editing it.");
        assertThat(secondConflict).containsText("Score: 4 Established");
        secondConflict.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Use their answer")).click();
        assertThat(secondConflict).isHidden();
        assertThat(option(s2OfB.getByRole(AriaRole.RADIOGROUP), 4)).isChecked();
        assertThat(evidenceField(s2OfB)).hasValue(evidenceOfA);
        assertThat(s2OfB.getByRole(AriaRole.STATUS)).hasText("Showing the answer Asha Rahman saved");
        assertThat(db.queryForObject("select score from answer where assessment_id = ? and statement_id = ?",
                Integer.class, assessment, s2)).isEqualTo(4);
        assertThat(evidence(s2)).isEqualTo(evidenceOfA);

        // Having taken theirs, B's next change saves over it without a conflict.
        String laterOfB = "Ben's later S2 note " + run;
        evidenceField(s2OfB).fill(laterOfB);
        assertThat(s2OfB.getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
        assertThat(s2OfB.getByRole(AriaRole.ALERT)).isHidden();
        assertThat(evidence(s2)).isEqualTo(laterOfB);
        assertThat(db.queryForObject("select score from answer where assessment_id = ? and statement_id = ?",
                Integer.class, assessment, s2)).isEqualTo(4);
    }

    private String status() {
        return db.queryForObject("select status from assessment where id = ?", String.class, assessment);
    }

    private String evidence(long statement) {
        return db.queryForObject("select evidence from answer where assessment_id = ? and statement_id = ?",
                String.class, assessment, statement);
    }

    private long statementId(Characteristic characteristic, String code) {
        return db.queryForObject("""
                select s.id from statement s join characteristic c on c.id = s.characteristic_id
                  join framework f on f.id = c.framework_id
                 where f.version = 1 and c.code = ? and s.code = ?""", Long.class, characteristic.code(), code);
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** One statement's editor: its heading, score, evidence, links, conflict panel and save status. */
    private static Locator statement(Page page, String code) {
        return page.locator(".statement").filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Statement " + code).setExact(true))));
    }

    private static Locator option(Locator group, int score) {
        return group.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(SCALE.get(score)).setExact(true));
    }

    private static Locator checked(Locator group) {
        return group.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setChecked(true));
    }

    private static Locator evidenceField(Locator statement) {
        return statement.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Evidence").setExact(true));
    }

}
