package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.strategycheck.TestDatabase;

/**
 * The self-assessment in the browser: an editor completes and submits it, an approver signs
 * it off and a viewer reads it; two editors change the same answer at once; each state is
 * scanned with axe-core. What the screens say is checked against the database as its owner.
 */
class AssessmentFlowTest extends BrowserTest {

    /** The bcrypt hash of Demo-2026-strategy, as in changeset 100-demo-users. */
    private static final String DEMO_PASSWORD_HASH = "{bcrypt}$2a$10$kQ3YG3tWoZEtvhBSsUOW8eQ7mrSz6RzAfyDtxlrTbVESMesUDkfvW";

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
     * One unscored statement of RJ1's 2026/27 draft (demo data 102), the score the editor
     * gives it, and the characteristic's live score and RAG rating before and after.
     */
    private record Scoring(Characteristic characteristic, String statement, int score, String badgeBefore,
                           String badgeAfter) {
    }

    private static final List<Scoring> UNSCORED = List.of(
            new Scoring(CLARITY, "S4", 4, "3.0 Amber", "3.3 Amber"),
            new Scoring(HORIZON, "S3", 3, "3.5 Green", "3.3 Amber"),
            new Scoring(HORIZON, "S4", 2, "3.3 Amber", "3.0 Amber"),
            new Scoring(FOCUS, "S3", 3, "2.5 Amber", "2.7 Amber"),
            new Scoring(FOCUS, "S4", 3, "2.7 Amber", "2.8 Amber"),
            // CULTURE S1 is scored with the keyboard only (see below).
            new Scoring(CULTURE, "S1", 4, "Not scored", "4.0 Green"),
            new Scoring(CULTURE, "S2", 1, "4.0 Green", "2.5 Amber"),
            new Scoring(CULTURE, "S3", 1, "2.5 Amber", "2.0 Red"),
            new Scoring(CULTURE, "S4", 5, "2.0 Red", "2.8 Amber"));

    @Autowired
    TestDatabase database;

    private JdbcTemplate db;

    @BeforeEach
    void connectAsOwner() {
        db = database.owner();
    }

    @Test
    void anEditorCompletesAndSubmitsTheAssessmentAnApproverSignsItOffAndAViewerReadsIt() {
        long trust = db.queryForObject("select id from trust where ods_code = 'RJ1'", Long.class);
        long assessment = db.queryForObject("""
                select a.id from assessment a join assessment_cycle c on c.id = a.cycle_id
                 where a.trust_id = ? and c.name = '2026/27'""", Long.class, trust);
        long auditBefore = db.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);

        // The editor's overview: a draft, 19 of 28 answered.
        signInAs("editor@demo.example");
        open("assessment");
        var main = page.getByRole(AriaRole.MAIN);
        assertThat(heading(page)).hasText("Self-assessment 2026/27");
        assertThat(page.locator(".assessment-status")).hasText("Status: Draft");
        assertThat(page.locator("#overall-progress")).hasText("19 of 28 statements answered");
        assertThat(page.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuenow", "19");
        assertThat(main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))).hasCount(0);
        assertNoAccessibilityViolations();

        // Submitting with nine statements unscored is refused, and says which.
        button(page, "Submit for sign-off").click();
        var refusal = main.getByRole(AriaRole.ALERT);
        assertThat(refusal).containsText("Not submitted");
        assertThat(refusal).containsText("9 statements have no score yet. Score every statement before you submit.");
        assertThat(refusal.getByRole(AriaRole.LISTITEM)).hasText(new String[] {
                CLARITY.name() + ", S4: Progress against the measures is tracked and reported to the board.",
                HORIZON.name() + ", S3: A review cycle (at least yearly) is scheduled, and past reviews changed the plan.",
                HORIZON.name() + ", S4: The milestones for the next twelve months are explicit.",
                FOCUS.name() + ", S3: It acknowledges what it cannot fix in its horizon and manages expectations.",
                FOCUS.name() + ", S4: New demands go through a transparent prioritisation process.",
                CULTURE.name() + ", S1: Services are run by multidisciplinary teams that work in a user-centred, "
                        + "iterative way.",
                CULTURE.name() + ", S2: Values and decision-making principles are written down and used in real decisions.",
                CULTURE.name() + ", S3: Staff across the organisation can describe the strategy's priorities in their "
                        + "own words.",
                CULTURE.name() + ", S4: Teams measure their services and improve them continuously (for example "
                        + "retrospectives, service performance data)."});
        assertThat(page.locator(".assessment-status")).hasText("Status: Draft");
        assertThat(status(assessment)).isEqualTo("DRAFT");

        // Every characteristic page in turn, from the overview's first link and then "Next".
        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(LEADERSHIP.heading())).click();
        int answered = 19;
        String evidence = "Culture survey, November 2026: 41% of ward staff could name a priority of the strategy.";
        for (var characteristic : FRAMEWORK) {
            assertThat(page).hasURL(url(characteristic.route()));
            assertThat(heading(page)).hasText(characteristic.heading());
            var summary = page.locator(".live-summary");
            assertThat(summary).containsText("Overall: " + answered + " of 28 answered.");
            if (characteristic == CULTURE) {
                assertNoAccessibilityViolations();
            }
            for (var code : List.of("S1", "S2", "S3", "S4")) {
                var group = scoreGroup(page, characteristic, code);
                var scoring = UNSCORED.stream()
                        .filter(s -> s.characteristic() == characteristic && s.statement().equals(code)).findFirst();
                if (scoring.isEmpty()) {
                    assertThat(checked(group)).hasCount(1);
                    continue;
                }
                assertThat(checked(group)).hasCount(0);
                assertThat(summary.locator(".rag")).hasText(scoring.get().badgeBefore());
                var statement = statement(page, code);
                if (characteristic == CULTURE && code.equals("S1")) {
                    // Evidence first: it saves by itself shortly after typing stops.
                    var field = evidenceField(statement);
                    field.click();
                    field.pressSequentially(evidence);
                    assertThat(statement.getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
                    assertThat(statement).containsText(evidence.length() + " of 4,000 characters");
                    assertThat(evidence(assessment, statementId(CULTURE, "S1"))).isEqualTo(evidence);
                    // Then the score with the keyboard only: Shift+Tab back into the radio group
                    // (with nothing chosen, that lands on its last option), Space, then an arrow.
                    page.keyboard().press("Shift+Tab");
                    assertThat(option(group, 5)).isFocused();
                    page.keyboard().press("Space");
                    assertThat(option(group, 5)).isChecked();
                    assertThat(summary.locator(".rag")).hasText("5.0 Green");
                    page.keyboard().press("ArrowUp");
                    assertThat(option(group, 4)).isFocused();
                } else {
                    option(group, scoring.get().score()).check();
                }
                answered++;
                assertThat(option(group, scoring.get().score())).isChecked();
                assertThat(checked(group)).hasCount(1);
                assertThat(summary.locator(".rag")).hasText(scoring.get().badgeAfter());
                assertThat(summary).containsText("Overall: " + answered + " of 28 answered.");
                assertThat(statement.getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
            }
            assertThat(summary).containsText("(4 of 4 statements scored)");
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
        due.fill("15/03/2027");
        due.press("Enter");
        dialog.locator("vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("In progress")).click();
        assertThat(dialog.locator("vaadin-select")).containsText("In progress");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save action")).click();
        assertThat(dialog).isHidden();
        var actionRow = page.locator("vaadin-grid-cell-content");
        assertThat(actionRow.filter(new Locator.FilterOptions().setHasText(actionTitle))).isVisible();
        assertThat(actionRow.filter(new Locator.FilterOptions().setHasText("15 March 2027"))).isVisible();

        // The overview: complete, so it can be submitted.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the overview")).click();
        assertThat(page).hasURL(url("assessment"));
        assertThat(page.locator("#overall-progress")).hasText("28 of 28 statements answered");
        assertThat(page.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuenow", "28");
        assertThat(page.getByText("4 of 4", new Page.GetByTextOptions().setExact(true))).hasCount(7);
        assertThat(page.getByText(actionTitle)).isVisible();
        button(page, "Submit for sign-off").click();
        assertThat(page.locator(".assessment-status")).hasText("Status: Submitted for sign-off");
        assertThat(button(page, "Submit for sign-off")).hasCount(0);
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("This assessment has been submitted for sign-off.");
        assertThat(page.locator("ul.history li")).hasText(new Pattern[] {
                Pattern.compile("^Submitted for sign-off by Priya Shah on \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2}$")});
        assertThat(status(assessment)).isEqualTo("SUBMITTED");

        // The approver, in a fresh session, signs it off.
        var approver = pageInNewContext();
        signInAs(approver, "approver@demo.example");
        approver.navigate(url("assessment"));
        assertThat(approver.locator(".assessment-status")).hasText("Status: Submitted for sign-off");
        assertThat(approver.locator("#overall-progress")).hasText("28 of 28 statements answered");
        assertThat(button(approver, "Return for changes")).isVisible();
        button(approver, "Approve").click();
        assertThat(approver.locator(".assessment-status")).hasText("Status: Approved");
        assertThat(button(approver, "Approve")).hasCount(0);
        assertThat(button(approver, "Return for changes")).hasCount(0);
        assertThat(approver.getByRole(AriaRole.MAIN)).containsText("This assessment has been approved. Its answers are frozen.");
        assertThat(approver.locator("ul.history li")).hasText(new Pattern[] {
                Pattern.compile("^Submitted for sign-off by Priya Shah on .+ at \\d{2}:\\d{2}$"),
                Pattern.compile("^Approved by Tom Okafor on .+ at \\d{2}:\\d{2}$")});
        assertNoAccessibilityViolations(approver);

        // The viewer sees the same answers, read-only.
        var viewer = pageInNewContext();
        signInAs(viewer, "viewer@demo.example");
        viewer.navigate(url("assessment"));
        var viewerMain = viewer.getByRole(AriaRole.MAIN);
        assertThat(viewer.locator(".assessment-status")).hasText("Status: Approved");
        assertThat(viewer.locator("#overall-progress")).hasText("28 of 28 statements answered");
        assertThat(viewerMain).containsText("You have view-only access to this assessment.");
        assertThat(viewerMain.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(viewer.locator("ul.history li")).hasCount(2);

        viewer.navigate(url(CULTURE.route()));
        assertThat(heading(viewer)).hasText(CULTURE.heading());
        assertThat(viewerMain).containsText("You have view-only access to this assessment.");
        assertThat(viewer.locator(".live-summary .rag")).hasText("2.8 Amber");
        for (var scoring : UNSCORED.stream().filter(s -> s.characteristic() == CULTURE).toList()) {
            var group = scoreGroup(viewer, CULTURE, scoring.statement());
            assertThat(group).hasAttribute("readonly", "");
            assertThat(option(group, scoring.score())).isChecked();
            for (int score = 1; score <= 5; score++) {
                if (score != scoring.score()) {
                    assertThat(option(group, score)).isDisabled();
                }
            }
            var statement = statement(viewer, scoring.statement());
            assertThat(evidenceField(statement)).not().isEditable();
            assertThat(linksField(statement)).not().isEditable();
        }
        assertThat(evidenceField(statement(viewer, "S1"))).hasValue(evidence);
        assertThat(viewerMain.getByText(actionTitle)).isVisible();
        assertThat(viewerMain.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(button(viewer, "Add an action")).hasCount(0);
        assertNoAccessibilityViolations(viewer);

        // What is really in the database.
        assertThat(status(assessment)).isEqualTo("APPROVED");
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

        // The audit log: who changed what, with the values before and after.
        String where = " from audit_event where id > " + auditBefore + " and trust_id = " + trust;
        assertThat(db.queryForList("select distinct action" + where + " order by action", String.class))
                .containsExactly("ACTION_ADDED", "ANSWER_CHANGED", "ASSESSMENT_APPROVED", "ASSESSMENT_SUBMITTED");
        String cultureS1 = assessment + "/" + statementId(CULTURE, "S1");
        assertThat(db.queryForList("select user_email || ': '"
                        + " || coalesce(before ->> 'score', 'no score') || ', \"' || (before ->> 'evidence')"
                        + " || '\", v' || (before ->> 'version') || ' -> '"
                        + " || coalesce(after ->> 'score', 'no score') || ', \"' || (after ->> 'evidence')"
                        + " || '\", v' || (after ->> 'version')" + where
                        + " and action = 'ANSWER_CHANGED' and entity_type = 'answer' and entity_id = ? order by id",
                String.class, cultureS1)).containsExactly(
                        "editor@demo.example: no score, \"\", v0 -> no score, \"" + evidence + "\", v1",
                        "editor@demo.example: no score, \"" + evidence + "\", v1 -> 5, \"" + evidence + "\", v2",
                        "editor@demo.example: 5, \"" + evidence + "\", v2 -> 4, \"" + evidence + "\", v3");
        for (var scoring : UNSCORED) {
            var change = db.queryForMap("select user_email, before ->> 'score' as before, after ->> 'score' as after"
                            + where + " and action = 'ANSWER_CHANGED' and entity_id = ? order by id desc limit 1",
                    assessment + "/" + statementId(scoring.characteristic(), scoring.statement()));
            assertThat(change).containsEntry("user_email", "editor@demo.example")
                    .containsEntry("after", String.valueOf(scoring.score()));
        }
        var added = db.queryForMap("select entity_type, entity_id, user_email, before::text as before, "
                + "after ->> 'title' as title, after ->> 'ownerName' as owner" + where + " and action = 'ACTION_ADDED'");
        assertThat(added).containsEntry("entity_type", "improvement_action")
                .containsEntry("entity_id", String.valueOf(action.get("id")))
                .containsEntry("user_email", "editor@demo.example")
                .containsEntry("before", null)
                .containsEntry("title", actionTitle)
                .containsEntry("owner", "Chief Clinical Information Officer");
        assertThat(db.queryForList("select action || ' ' || user_email || ' ' || before::text || ' ' || after::text"
                + where + " and entity_type = 'assessment' and entity_id = ? order by id", String.class,
                String.valueOf(assessment))).containsExactly(
                        "ASSESSMENT_SUBMITTED editor@demo.example {\"status\": \"DRAFT\"} {\"status\": \"SUBMITTED\"}",
                        "ASSESSMENT_APPROVED approver@demo.example {\"status\": \"SUBMITTED\"} {\"status\": \"APPROVED\"}");
    }

    @Test
    void twoEditorsChangingTheSameAnswerSeeEachOthersChangesAndChooseWhichToKeep() {
        createEditorsOfSouthLondonAndMaudsley();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String textOfA = "Asha's note " + run + ": the discharge team runs fortnightly retrospectives.";
        String textOfB = "Ben's note " + run + ": only the EPR team works in multidisciplinary squads.";

        var a = page;
        signInAs(a, "e2e.editor.a@test.example");
        a.navigate(url(CULTURE.route()));
        assertThat(heading(a)).hasText(CULTURE.heading());
        var b = pageInNewContext();
        signInAs(b, "e2e.editor.b@test.example");
        b.navigate(url(CULTURE.route()));
        assertThat(heading(b)).hasText(CULTURE.heading());
        assertThat(b.getByRole(AriaRole.MAIN)).containsText("South London and Maudsley NHS Foundation Trust");
        long assessment = db.queryForObject("""
                select a.id from assessment a join trust t on t.id = a.trust_id
                  join assessment_cycle c on c.id = a.cycle_id where t.ods_code = 'RV5' and c.name = '2026/27'""",
                Long.class);
        long s1 = statementId(CULTURE, "S1");

        // A saves first; B, whose page was loaded before, then saves over it.
        evidenceField(statement(a, "S1")).fill(textOfA);
        assertThat(statement(a, "S1").getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
        assertThat(evidence(assessment, s1)).isEqualTo(textOfA);

        var fieldOfB = evidenceField(statement(b, "S1"));
        fieldOfB.fill(textOfB);
        var conflict = statement(b, "S1").getByRole(AriaRole.ALERT);
        assertThat(conflict).containsText("Asha Rahman changed this answer while you were editing it.");
        assertThat(conflict).containsText("Evidence: " + textOfA);
        assertThat(conflict).containsText("Your answer is still in the form below it.");
        assertThat(fieldOfB).hasValue(textOfB);
        assertThat(statement(b, "S1").getByRole(AriaRole.STATUS))
                .hasText("Not saved: Asha Rahman changed this answer while you were editing it.");
        assertThat(evidence(assessment, s1)).isEqualTo(textOfA);
        assertNoAccessibilityViolations(b);

        // B keeps their own answer.
        conflict.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep my answer")).click();
        assertThat(conflict).isHidden();
        assertThat(statement(b, "S1").getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
        assertThat(fieldOfB).hasValue(textOfB);
        assertThat(evidence(assessment, s1)).isEqualTo(textOfB);
        assertThat(db.queryForObject("select updated_by_name from answer where assessment_id = ? and statement_id = ?",
                String.class, assessment, s1)).isEqualTo("Ben Carter");

        // A reloads and sees B's answer.
        a.reload();
        assertThat(evidenceField(statement(a, "S1"))).hasValue(textOfB);
        assertThat(statement(a, "S1").getByRole(AriaRole.STATUS)).containsText("Last saved by Ben Carter on ");

        // On S2, B (still on the page loaded earlier) takes A's answer instead.
        long s2 = statementId(CULTURE, "S2");
        var groupOfA = scoreGroup(a, CULTURE, "S2");
        option(groupOfA, 4).check();
        assertThat(statement(a, "S2").getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
        String evidenceOfA = evidence(assessment, s2);

        var s2OfB = statement(b, "S2");
        evidenceField(s2OfB).fill("Ben's S2 note " + run);
        var secondConflict = s2OfB.getByRole(AriaRole.ALERT);
        assertThat(secondConflict).containsText("Asha Rahman changed this answer while you were editing it.");
        assertThat(secondConflict).containsText("Score: 4 Established");
        secondConflict.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Use their answer")).click();
        assertThat(secondConflict).isHidden();
        assertThat(option(scoreGroup(b, CULTURE, "S2"), 4)).isChecked();
        assertThat(evidenceField(s2OfB)).hasValue(evidenceOfA);
        assertThat(s2OfB.getByRole(AriaRole.STATUS)).hasText("Showing the answer Asha Rahman saved");
        assertThat(db.queryForObject("select score from answer where assessment_id = ? and statement_id = ?",
                Integer.class, assessment, s2)).isEqualTo(4);
        assertThat(evidence(assessment, s2)).isEqualTo(evidenceOfA);

        // Having taken theirs, B's next change saves over it without a conflict.
        String laterOfB = "Ben's later S2 note " + run;
        evidenceField(s2OfB).fill(laterOfB);
        assertThat(s2OfB.getByRole(AriaRole.STATUS)).hasText(SAVED_AT);
        assertThat(s2OfB.getByRole(AriaRole.ALERT)).isHidden();
        assertThat(evidence(assessment, s2)).isEqualTo(laterOfB);
        assertThat(db.queryForObject("select score from answer where assessment_id = ? and statement_id = ?",
                Integer.class, assessment, s2)).isEqualTo(4);
    }

    /** Two editors of South London and Maudsley (RV5, South East London ICS, London region). */
    private void createEditorsOfSouthLondonAndMaudsley() {
        db.update("""
                insert into app_user (email, display_name, password_hash, home_region_id)
                select u.email, u.display_name, ?, (select id from region where ods_code = 'Y56')
                  from (values ('e2e.editor.a@test.example', 'Asha Rahman'),
                               ('e2e.editor.b@test.example', 'Ben Carter')) as u (email, display_name)
                on conflict do nothing""", DEMO_PASSWORD_HASH);
        db.update("""
                insert into role_assignment (user_id, role, region_id, ics_id, trust_id)
                select u.id, 'TRUST_EDITOR', r.id, i.id, t.id
                  from app_user u
                  join region r on r.ods_code = 'Y56'
                  join ics i on i.ods_code = 'QKK' and i.region_id = r.id
                  join trust t on t.ods_code = 'RV5' and t.ics_id = i.id
                 where u.email in ('e2e.editor.a@test.example', 'e2e.editor.b@test.example')
                on conflict do nothing""");
    }

    private String status(long assessment) {
        return db.queryForObject("select status from assessment where id = ?", String.class, assessment);
    }

    private String evidence(long assessment, long statement) {
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
                new Page.GetByRoleOptions().setName(Pattern.compile("^" + code + "\\. ")))));
    }

    private static Locator scoreGroup(Page page, Characteristic characteristic, String code) {
        return page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions()
                .setName("Score for " + characteristic.name() + " " + code).setExact(true));
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

    private static Locator linksField(Locator statement) {
        return statement.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions()
                .setName("Evidence links (optional)").setExact(true));
    }
}
