package uk.nhs.strategycheck.assessment.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.KaribuViews;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;
import uk.nhs.strategycheck.strategydocument.ui.SignalItem;

/**
 * The characteristic page and its statement form, browserless (Karibu) against the real
 * services and database. Uses its own trust, Oxleas (RPG), and its own users.
 */
@IntegrationTest
class CharacteristicViewTest {

    private static final String EDITOR = "rpg.editor@test.example";
    private static final String VIEWER = "rpg.viewer@test.example";
    @Autowired
    ApplicationContext context;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;

    private JdbcTemplate owner;

    @BeforeEach
    void setUp() throws SQLException {
        database.trustUser(EDITOR, "Ola Editor", "TRUST_EDITOR", "RPG");
        database.trustUser(VIEWER, "Val Viewer", "TRUST_VIEWER", "RPG");
        database.removeAssessments("RPG");
        owner = database.owner();
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        KaribuViews.tearDown();
    }


    @Test
    void thePageShowsTheCharacteristicItsSignsAndFourStatementsToScore() {
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("assessment/leadership");

        assertThat(_get(H1.class).getText()).isEqualTo("1. Led by the executive, framed as outcomes");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("good-sign")).getElement()
                .getTextRecursively()).contains("The chief executive and board own the strategy");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("bad-sign")).getElement()
                .getTextRecursively()).contains("IT-driven");
        var scores = _find(RadioButtonGroup.class);
        assertThat(scores).hasSize(4);
        assertThat(scores).allSatisfy(group -> assertThat(group.isReadOnly()).isFalse());
        assertThat(scores.get(0).getLabel()).as("the statement itself, in words, is the radios' legend").isEqualTo(
                "The chief executive is the named owner of the digital strategy and presents it to the board.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingAScoreSavesItAndShowsTheScoreAndRagAtOnce() {
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("assessment/leadership");
        var scores = _find(RadioButtonGroup.class);

        _setValue((RadioButtonGroup<Integer>) scores.get(0), 2);
        _setValue((RadioButtonGroup<Integer>) scores.get(1), 3);

        assertThat(_get(RagBadge.class).getText()).as("not rated until every statement is scored")
                .isEqualTo("Not rated yet: 2 of 4 statements scored");
        assertThat(liveSummary()).contains("Overall: 2 of 28 statements answered.");
        var editors = _find(StatementEditor.class);
        assertThat(status(editors.get(0))).startsWith("Saved at ");
        assertThat(owner.queryForList("""
                select a.score from answer a join statement s on s.id = a.statement_id
                  join characteristic c on c.id = s.characteristic_id
                 where a.trust_id = (select id from trust where ods_code = 'RPG') and c.code = 'LEADERSHIP'
                 order by s.position""", Integer.class)).containsExactly(2, 3, null, null);

        _setValue((RadioButtonGroup<Integer>) scores.get(2), 3);
        _setValue((RadioButtonGroup<Integer>) scores.get(3), 2);
        assertThat(_get(RagBadge.class).getText()).isEqualTo("2.5 Amber");
    }

    @Test
    void theActionFormListsEveryProblemAtOnceAndItsDateHintAndMessageAgree() {
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("assessment/leadership");
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Add an action")));
        var dialog = _get(ActionDialog.class);
        var dueOn = _get(dialog, com.vaadin.flow.component.datepicker.DatePicker.class);
        @SuppressWarnings("unchecked")
        var status = (com.vaadin.flow.component.select.Select<uk.nhs.strategycheck.assessment.ActionStatus>)
                _get(dialog, com.vaadin.flow.component.select.Select.class);
        _setValue(status, null);

        _click(_get(dialog, com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Save action")));

        var summary = _get(dialog, uk.nhs.strategycheck.shared.ui.ErrorSummary.class);
        assertThat(summary.isVisible()).isTrue();
        assertThat(_find(summary, com.vaadin.flow.component.html.Anchor.class))
                .extracting(com.vaadin.flow.component.html.Anchor::getText).containsExactly(
                        "Enter what will be done.",
                        "Enter who owns the action.",
                        "Enter the date the action is due, for example 31/3/2027.",
                        "Choose the action's status.");
        assertThat(dueOn.isInvalid()).isTrue();
        assertThat(dueOn.getHelperText()).isEqualTo("Day/month/year, for example 31/3/2027");
        assertThat(_get(dialog, com.vaadin.flow.component.textfield.TextField.class,
                spec -> spec.withLabel("Owner")).getErrorMessage()).isEqualTo("Enter who owns the action.");
        assertThat(owner.queryForObject("""
                select count(*) from improvement_action where trust_id = (select id from trust where ods_code = 'RPG')""",
                Long.class)).isZero();
    }

    @Test
    void evidenceIsSavedAndCountedAndTooMuchOfItIsRefusedButKept() {
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("assessment/leadership");
        var editor = _find(StatementEditor.class).get(0);
        var evidence = _get(editor, TextArea.class, spec -> spec.withLabel("Evidence"));

        _setValue(evidence, "Board minutes, 12 November 2026, item 8");
        assertThat(evidence.getHelperText()).isEqualTo("39 of 4,000 characters");
        assertThat(savedEvidence()).isEqualTo("Board minutes, 12 November 2026, item 8");

        var tooLong = "x".repeat(4001);
        evidence.setMaxLength(5000); // a browser would stop at 4,000; the service must still refuse more
        _setValue(evidence, tooLong);

        assertThat(evidence.isInvalid()).isTrue();
        assertThat(evidence.getErrorMessage())
                .isEqualTo("The evidence note is 4001 characters long. Shorten it to 4000 characters or fewer.");
        assertThat(evidence.getValue()).isEqualTo(tooLong);
        assertThat(status(editor)).startsWith("Not saved: The evidence note is 4001 characters long.");
        assertThat(savedEvidence()).isEqualTo("Board minutes, 12 November 2026, item 8");
    }

    @Test
    void aLinkThatIsNotAWebAddressIsExplainedAndKept() {
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("assessment/leadership");
        var editor = _find(StatementEditor.class).get(0);
        var links = _get(editor, TextArea.class, spec -> spec.withLabel("Evidence links (optional)"));

        _setValue(links, "https://intranet.example.nhs.uk/board\nshared drive/strategy.docx");

        assertThat(links.isInvalid()).isTrue();
        assertThat(links.getErrorMessage()).startsWith("\"shared drive/strategy.docx\" is not a web address.");
        assertThat(links.getValue()).isEqualTo("https://intranet.example.nhs.uk/board\nshared drive/strategy.docx");
        assertThat(owner.queryForObject("""
                select count(*) from answer where trust_id = (select id from trust where ods_code = 'RPG')
                   and cardinality(evidence_links) > 0""", Long.class)).isZero();
    }

    @Test
    void aViewerSeesTheFormReadOnlyWithTheReasonAndTheLinksAsLinks() {
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("assessment");
        owner.update("""
                update answer set evidence_links = array['https://intranet.example.nhs.uk/basics']
                 where trust_id = (select id from trust where ods_code = 'RPG') and statement_id = (select s.id
                   from statement s join characteristic c on c.id = s.characteristic_id join framework f on f.id = c.framework_id
                  where f.version = 1 and c.code = 'BASICS' and s.code = 'S1')""");
        signIn.intoMockedVaadinAs(VIEWER);
        UI.getCurrent().navigate("assessment/basics");

        assertThat(_find(RadioButtonGroup.class)).hasSize(4).allSatisfy(group -> assertThat(group.isReadOnly()).isTrue());
        assertThat(_find(TextArea.class)).hasSize(4).allSatisfy(area -> assertThat(area.isReadOnly()).isTrue());
        var link = _get(com.vaadin.flow.component.html.Anchor.class,
                spec -> spec.withText("https://intranet.example.nhs.uk/basics (opens in a new tab)"));
        assertThat(link.getHref()).isEqualTo("https://intranet.example.nhs.uk/basics");
        assertThat(link.getElement().getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getElement().getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(_find(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Add an action"))).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("callout")).getText())
                .isEqualTo("You have view-only access to this assessment.");
    }

    @Test
    void withoutADocumentTheSignalsSectionOffersTheUpload() {
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("assessment/leadership");

        assertThat(_get(DocumentSignals.class).getElement().getTextRecursively())
                .contains("No strategy document has been checked for this cycle yet.")
                .contains("Upload your strategy document");
    }

    @Test
    void theDocumentsSignsAreBesideTheStatementsAndOneClickPutsAQuoteIntoAStatementsEvidence() throws Exception {
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("assessment");
        var analysis = storeDocument();
        var signals = analysis.characteristics().get("LEADERSHIP").signals();
        assertThat(signals).as("the corpus strategy shows signs of leadership").isNotEmpty();
        UI.getCurrent().navigate("assessment/leadership");

        var section = _get(DocumentSignals.class);
        assertThat(_find(section, SignalItem.class)).hasSize(signals.size());
        assertThat(section.getElement().getTextRecursively()).contains(signals.get(0).quote());
        var addToS1 = _find(section, com.vaadin.flow.component.button.Button.class,
                spec -> spec.withText("S1")).get(0);
        _click(addToS1);

        var quoted = "\u201c" + signals.get(0).quote() + "\u201d (strategy document, page " + signals.get(0).page() + ")";
        assertThat(savedEvidence()).isEqualTo(quoted);
        assertThat(addToS1.getText()).isEqualTo("S1 added");
        var evidence = _get(_find(StatementEditor.class).get(0), TextArea.class, spec -> spec.withLabel("Evidence"));
        assertThat(evidence.getValue()).isEqualTo(quoted);
    }

    @Test
    void aViewerReadsTheSignsButCannotAddThemToEvidence() throws Exception {
        signIn.intoMockedVaadinAs(EDITOR);
        UI.getCurrent().navigate("assessment");
        storeDocument();
        signIn.intoMockedVaadinAs(VIEWER);
        UI.getCurrent().navigate("assessment/leadership");

        var section = _get(DocumentSignals.class);
        assertThat(_find(section, SignalItem.class)).isNotEmpty();
        assertThat(_find(section, com.vaadin.flow.component.button.Button.class)).isEmpty();
    }

    /** The corpus's good strategy as RPG's current document. */
    private DocumentAnalysis storeDocument() throws Exception {
        return database.storeStrategyDocument("RPG", "2026/27", EDITOR, "riverside-digital-strategy.pdf");
    }

    private String liveSummary() {
        return _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("live-summary"))
                .getElement().getTextRecursively();
    }

    private static String status(StatementEditor editor) {
        return _get(editor, Span.class, spec -> spec.withClasses("save-status")).getText();
    }

    private String savedEvidence() {
        return owner.queryForObject("""
                select a.evidence from answer a join statement s on s.id = a.statement_id
                  join characteristic c on c.id = s.characteristic_id
                 where a.trust_id = (select id from trust where ods_code = 'RPG') and c.code = 'LEADERSHIP'
                   and s.position = 1""", String.class);
    }
}
