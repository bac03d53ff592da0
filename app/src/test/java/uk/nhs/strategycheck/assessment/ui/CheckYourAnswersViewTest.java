package uk.nhs.strategycheck.assessment.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.KaribuViews;
import uk.nhs.strategycheck.OrganisationFixture;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.shared.ui.ConfirmationDialog;
import uk.nhs.strategycheck.shared.ui.ErrorSummary;

/**
 * The check your answers page, browserless (Karibu) against the real services and database:
 * every statement on one page; submitting, approving and returning, each cancelled (nothing
 * changes in PostgreSQL) and then confirmed (it does what it said). Uses its own trust (ZCY1).
 */
@IntegrationTest
class CheckYourAnswersViewTest {

    private static final String DOMAIN = "@check-answers.test";
    private static final String EDITOR = "editor" + DOMAIN;
    private static final String APPROVER = "approver" + DOMAIN;
    private static final String LINK = "https://intranet.example.nhs.uk/board/2026-11";
    @Autowired
    ApplicationContext context;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;

    private JdbcTemplate owner;
    private OrganisationFixture fixture;
    private long assessment;

    /** An assessment with every statement scored 3 but two of leadership's, and a link on the first. */
    @BeforeEach
    void setUp() {
        owner = database.owner();
        fixture = new OrganisationFixture(owner, "ZCY", DOMAIN);
        fixture.remove();
        long ics = owner.queryForObject("select id from ics where ods_code = 'QKK'", Long.class);
        long trust = fixture.trust("ZCY1", ics, "acute");
        fixture.user("editor", "TRUST_EDITOR", ics, trust);
        fixture.user("approver", "TRUST_APPROVER", ics, trust);
        assessment = fixture.assessment(trust, "2026/27", "Y56", "DRAFT");
        owner.update("""
                insert into answer (ics_id, trust_id, assessment_id, statement_id, score, evidence, evidence_links)
                select t.ics_id, t.id, ?, s.id,
                       case when c.code = 'LEADERSHIP' and s.code in ('S3', 'S4') then null else 3 end,
                       'Board minutes, ' || c.code || ' ' || s.code,
                       case when c.code = 'LEADERSHIP' and s.code = 'S1' then array[?] else '{}'::text[] end
                  from trust t, statement s join characteristic c on c.id = s.characteristic_id
                  join framework f on f.id = c.framework_id
                 where t.id = ? and f.version = 1""", assessment, LINK, trust);
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        KaribuViews.tearDown();
        fixture.remove();
    }

    @Test
    void everyStatementIsOnOnePageWithItsScoreEvidenceLinksAndAWayToChangeIt() {
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("check-your-answers");

        assertThat(_get(H1.class).getText()).isEqualTo("Check your answers before you submit");
        var rows = _find(Div.class, spec -> spec.withClasses("summary-list-row"));
        assertThat(rows).hasSize(28);
        assertThat(text(rows.get(0))).startsWith("S1: The chief executive")
                .contains("3 out of 5: Developing").contains("Board minutes, LEADERSHIP S1");
        assertThat(text(rows.get(2))).contains("Not scored").contains("Board minutes, LEADERSHIP S3");
        var link = _get(Anchor.class, spec -> spec.withText(LINK + " (opens in a new tab)"));
        assertThat(link.getHref()).isEqualTo(LINK);
        assertThat(link.getElement().getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getElement().getAttribute("rel")).isEqualTo("noopener noreferrer");

        var ratings = _find(RagBadge.class);
        assertThat(ratings).hasSize(7);
        assertThat(ratings.get(0).getText()).isEqualTo("Not rated yet: 2 of 4 statements scored");
        assertThat(ratings.get(1).getText()).isEqualTo("3.0 Amber");

        var changes = _find(RouterLink.class).stream().filter(l -> l.getHref().contains("?statement=")).toList();
        assertThat(changes).hasSize(28);
        assertThat(changes.get(2).getHref()).isEqualTo("assessment/leadership?statement=s3");
        assertThat(text(changes.get(2))).isEqualTo(
                "Change the score and evidence of Led by the executive, framed as outcomes, statement S3");
    }

    @Test
    void submittingCanBeCancelledIsRefusedWithALinkToEachUnscoredStatementAndThenSubmits() {
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("check-your-answers");

        _click(_get(Button.class, spec -> spec.withText("Submit for approval")));
        var confirmation = _get(ConfirmationDialog.class);
        assertThat(text(confirmation)).contains("nobody can change its answers or actions unless an approver returns it")
                .contains("We will email your trust's approvers to ask them to approve it: approver.");
        _click(_get(confirmation, Button.class, spec -> spec.withText("Cancel")));
        assertThat(status()).isEqualTo("DRAFT");
        assertThat(_find(ConfirmationDialog.class)).isEmpty();

        _click(_get(Button.class, spec -> spec.withText("Submit for approval")));
        _click(_get(_get(ConfirmationDialog.class), Button.class, spec -> spec.withText("Submit for approval")));
        assertThat(status()).isEqualTo("DRAFT");
        var summary = _get(ErrorSummary.class);
        assertThat(summary.isVisible()).isTrue();
        var links = _find(summary, RouterLink.class);
        assertThat(links).extracting(RouterLink::getHref).containsExactly(
                "assessment/leadership?statement=s3", "assessment/leadership?statement=s4");
        assertThat(links.get(0).getText()).startsWith("Score Led by the executive, framed as outcomes, S3: ");

        owner.update("update answer set score = 4 where assessment_id = ? and score is null", assessment);
        UI.getCurrent().navigate("assessment");
        UI.getCurrent().navigate("check-your-answers");
        _click(_get(Button.class, spec -> spec.withText("Submit for approval")));
        _click(_get(_get(ConfirmationDialog.class), Button.class, spec -> spec.withText("Submit for approval")));
        assertThat(status()).isEqualTo("SUBMITTED");
        assertThat(text(_get(Div.class, spec -> spec.withClasses("done-panel"))))
                .isEqualTo("Assessment submitted for approval. We have emailed your trust's approvers: approver.");
    }

    @Test
    void approvingCanBeCancelledNeedsTheDeclarationTickedAndThenApproves() {
        submitted();
        signIn.intoMockedVaadinAs(APPROVER);
        UI.getCurrent().navigate("assessment");
        UI.getCurrent().navigate("check-your-answers");
        assertThat(_get(H1.class).getText()).isEqualTo("Check the answers before you approve");
        assertThat(_find(RouterLink.class).stream().filter(l -> l.getHref().contains("?statement="))).isEmpty();

        _click(_get(Button.class, spec -> spec.withText("Approve")));
        var confirmation = _get(ConfirmationDialog.class);
        assertThat(text(confirmation)).contains("Once approved, its answers are frozen")
                .contains("Your integrated care system (ICS) can then see the trust's scores");
        _click(_get(confirmation, Button.class, spec -> spec.withText("Cancel")));
        assertThat(status()).isEqualTo("SUBMITTED");

        _click(_get(Button.class, spec -> spec.withText("Approve")));
        confirmation = _get(ConfirmationDialog.class);
        _click(_get(confirmation, Button.class, spec -> spec.withText("Approve")));
        assertThat(status()).as("not without the declaration").isEqualTo("SUBMITTED");
        assertThat(text(_get(confirmation, ErrorSummary.class))).contains("Tick the box to confirm the declaration");
        var declaration = _get(confirmation, Checkbox.class);
        assertThat(declaration.getLabel()).isEqualTo("I confirm I have reviewed all 28 answers and their evidence, "
                + "and that this assessment is a fair account of Test ZCY1 NHS Trust's digital strategy, to be shared "
                + "with its integrated care system.");

        _setValue(declaration, true);
        _click(_get(confirmation, Button.class, spec -> spec.withText("Approve")));
        assertThat(status()).isEqualTo("APPROVED");
        assertThat(text(_get(Div.class, spec -> spec.withClasses("done-panel"))))
                .isEqualTo("Assessment approved. Its answers are now frozen.");
    }

    @Test
    void returningCanBeCancelledNeedsAReasonAndThenReturnsIt() {
        submitted();
        signIn.intoMockedVaadinAs(APPROVER);
        UI.getCurrent().navigate("assessment");
        UI.getCurrent().navigate("check-your-answers");

        _click(_get(Button.class, spec -> spec.withText("Return for changes")));
        var dialog = _get(Dialog.class);
        assertThat(text(dialog)).contains("We will email your trust's editors with what needs to change: editor.");
        _click(_get(dialog, Button.class, spec -> spec.withText("Cancel")));
        assertThat(status()).isEqualTo("SUBMITTED");

        _click(_get(Button.class, spec -> spec.withText("Return for changes")));
        dialog = _get(Dialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withText("Return to editors")));
        assertThat(status()).as("not without a reason").isEqualTo("SUBMITTED");
        assertThat(text(_get(dialog, ErrorSummary.class)))
                .contains("Enter what needs to change, so the editors know what to do.");

        _setValue(_get(dialog, TextArea.class), "The evidence for leadership is thin.");
        _click(_get(dialog, Button.class, spec -> spec.withText("Return to editors")));
        assertThat(status()).isEqualTo("RETURNED");
        assertThat(owner.queryForObject("select reason from assessment_transition where assessment_id = ? "
                + "and to_status = 'RETURNED'", String.class, assessment)).isEqualTo("The evidence for leadership is thin.");
        assertThat(text(_get(Div.class, spec -> spec.withClasses("done-panel"))))
                .isEqualTo("Assessment returned for changes. We have emailed your trust's editors: editor.");
    }

    /** Every statement scored and the assessment submitted by the editor, as the service does it. */
    private void submitted() {
        owner.update("update answer set score = 4 where assessment_id = ? and score is null", assessment);
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("check-your-answers");
        _click(_get(Button.class, spec -> spec.withText("Submit for approval")));
        _click(_get(_get(ConfirmationDialog.class), Button.class, spec -> spec.withText("Submit for approval")));
        assertThat(status()).isEqualTo("SUBMITTED");
    }


    private String status() {
        return owner.queryForObject("select status from assessment where id = ?", String.class, assessment);
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }
}
