package uk.nhs.strategycheck.admin.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import java.sql.SQLException;
import java.time.LocalDate;
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
import uk.nhs.strategycheck.TestClock;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.ConfirmationDialog;
import uk.nhs.strategycheck.shared.ui.ErrorSummary;

/**
 * The admin console's irreversible actions are checked and confirmed first: the check says who
 * is affected, Cancel changes nothing in PostgreSQL, and confirming does what it said. Its forms
 * show every error at once in an error summary. Browserless (Karibu) against the real services
 * and database, on test organisations of its own (ZK...) in London and a cycle far in the future.
 */
@IntegrationTest
class AdminConfirmationsTest {

    private static final String REGION_ADMIN = "region.admin@demo.example";
    private static final String CYCLE = "2040/41";
    @Autowired
    ApplicationContext context;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    TestClock clock;

    private JdbcTemplate owner;
    private OrganisationFixture fixture;

    @BeforeEach
    void setUp() throws SQLException {
        owner = database.owner();
        fixture = new OrganisationFixture(owner, "ZK", "@admin-confirmations.test");
        fixture.remove();
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
        KaribuViews.tearDown();
        fixture.remove();
        owner.update("delete from audit_event where entity_type = 'cycle' and entity_id in "
                + "(select id::text from assessment_cycle where name = ?)", CYCLE);
        owner.update("delete from assessment_cycle where name = ?", CYCLE);
    }

    @Test
    void closingACycleSaysWhoIsAffectedAndCancelLeavesItOpen() {
        clock.set(LocalDate.of(2040, 12, 1).atTime(9, 0).atZone(Dates.ENGLAND).toInstant());
        long cycle = owner.queryForObject("""
                insert into assessment_cycle (region_id, framework_id, name, opens_on, closes_on)
                select r.id, (select id from framework where version = 1), ?, date '2040-10-01', date '2041-03-31'
                  from region r where r.ods_code = 'Y56' returning id""", Long.class, CYCLE);
        long ics = fixture.ics("ZKA", "Y56");
        fixture.assessment(fixture.trust("ZKA1", ics, "acute"), CYCLE, "Y56", "DRAFT");
        fixture.approved(fixture.trust("ZKA2", ics, "community"), CYCLE, "Y56", 1);
        int londonTrusts = owner.queryForObject("""
                select count(*) from trust t join ics i on i.id = t.ics_id join region r on r.id = i.region_id
                 where r.ods_code = 'Y56' and t.closed_on is null""", Integer.class);
        signIn.intoMockedVaadinAs(REGION_ADMIN);
        UI.getCurrent().navigate("admin/cycles");

        _click(action(0, "Close cycle now"));
        var check = _get(ConfirmationDialog.class);
        assertThat(check.getHeaderTitle()).isEqualTo("Close the 2040/41 cycle for London now?");
        assertThat(text(check))
                .contains("The cycle's last day becomes 30 November 2040.")
                .contains("Region: London")
                .contains(londonTrusts + " trusts in the region")
                .contains("1 of 2 assessments started is not yet approved")
                .contains("become read-only")
                .contains("This cannot be undone.");

        _click(button("Cancel"));
        assertThat(_find(ConfirmationDialog.class)).isEmpty();
        assertThat(closesOn(cycle)).isEqualTo(LocalDate.of(2041, 3, 31));
        assertThat(auditedCycleActions(cycle)).isZero();

        _click(action(0, "Close cycle now"));
        _click(button("Close cycle now", _get(ConfirmationDialog.class)));
        assertThat(closesOn(cycle)).isEqualTo(LocalDate.of(2040, 11, 30));
        assertThat(auditedCycleActions(cycle)).isEqualTo(1);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("outcome")).getText())
                .isEqualTo("The 2040/41 cycle of London is closed.");
    }

    @Test
    void disablingAUserAndRemovingARoleAreConfirmedFirstAndCancelChangesNothing() {
        long ics = fixture.ics("ZKB", "Y56");
        long trust = fixture.trust("ZKB1", ics, "acute");
        var email = fixture.user("zk.person", "TRUST_EDITOR", ics, trust);
        signIn.intoMockedVaadinAs(REGION_ADMIN);
        UI.getCurrent().navigate("admin/users");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name or email address")), "zk.person");

        _click(action(0, "Disable"));
        var check = _get(ConfirmationDialog.class);
        assertThat(text(check)).contains("zk.person (" + email + ") will no longer be able to sign in")
                .contains("Trust editor, Test ZKB1 NHS Trust (ZKB1)");
        _click(button("Cancel"));
        assertThat(enabled(email)).isTrue();

        _click(action(0, "Disable"));
        _click(button("Disable account", _get(ConfirmationDialog.class)));
        assertThat(enabled(email)).isFalse();
        assertThat(owner.queryForObject("select count(*) from audit_event where action = 'USER_DISABLED' and entity_id = "
                + "(select id::text from app_user where email = ?)", Integer.class, email)).isEqualTo(1);

        _click(action(0, "Roles"));
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label",
                "Remove Trust editor, Test ZKB1 NHS Trust (ZKB1) from zk.person")));
        assertThat(text(_get(ConfirmationDialog.class))).contains("loses the role Trust editor at Test ZKB1 NHS Trust "
                + "(ZKB1)").contains("only role in your area");
        _click(button("Cancel", _get(ConfirmationDialog.class)));
        assertThat(roles(email)).isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label",
                "Remove Trust editor, Test ZKB1 NHS Trust (ZKB1) from zk.person")));
        _click(button("Remove role", _get(ConfirmationDialog.class)));
        assertThat(roles(email)).isZero();
    }

    @Test
    void closingATrustSaysWhoIsAffectedAndCancelLeavesItOpen() {
        long ics = fixture.ics("ZKC", "Y56");
        long trust = fixture.trust("ZKC1", ics, "acute");
        fixture.user("zk.closing", "TRUST_EDITOR", ics, trust);
        signIn.intoMockedVaadinAs(REGION_ADMIN);
        UI.getCurrent().navigate("admin/organisations");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Find a trust")), "ZKC1");

        _click(action(0, "Close"));
        _click(button("Continue"));
        var check = _get(ConfirmationDialog.class);
        assertThat(check.getHeaderTitle()).isEqualTo("Close Test ZKC1 NHS Trust (ZKC1) now?");
        assertThat(text(check)).contains("1 person has a role at the trust")
                .contains("0 assessments are not yet approved").contains("This cannot be undone.");
        _click(button("Cancel", check));
        assertThat(closedOn("ZKC1")).isNull();

        _click(action(0, "Close"));
        _click(button("Continue"));
        _click(button("Close trust", _get(ConfirmationDialog.class)));
        assertThat(closedOn("ZKC1")).isEqualTo(LocalDate.now(Dates.ENGLAND));
    }

    @Test
    void theTrustAndInvitationFormsListEveryErrorAtOnceAndKeepWhatWasTyped() {
        signIn.intoMockedVaadinAs(REGION_ADMIN);
        UI.getCurrent().navigate("admin/organisations");
        _click(_get(Button.class, spec -> spec.withText("New trust")));
        var odsCode = _get(TextField.class, spec -> spec.withLabel("ODS code"));
        _setValue(odsCode, "Z!");
        _click(button("Save trust"));

        assertThat(summaryLinks()).containsExactly(
                "Choose the trust's integrated care system.",
                "An ODS code is 3 to 5 letters or digits, for example RJ1.",
                "Enter the trust's name.",
                "Choose the trust type.",
                "Choose NHS trust or NHS foundation trust.");
        assertThat(odsCode.getValue()).isEqualTo("Z!");
        assertThat(odsCode.isInvalid()).isTrue();
        assertThat(odsCode.getErrorMessage()).isEqualTo("An ODS code is 3 to 5 letters or digits, for example RJ1.");
        assertThat(owner.queryForObject("select count(*) from trust where ods_code = 'Z!'", Integer.class)).isZero();
        _click(button("Cancel"));

        UI.getCurrent().navigate("admin/users");
        _click(_get(Button.class, spec -> spec.withText("Invite a user")));
        var name = _get(TextField.class, spec -> spec.withLabel("Full name"));
        _setValue(name, "Kit Keeps");
        _click(button("Send invitation"));

        assertThat(summaryLinks()).containsExactly(
                "Enter the email address of the person to invite.",
                "Choose a role.",
                "Choose the organisation the role is for.");
        assertThat(name.getValue()).isEqualTo("Kit Keeps");
        assertThat(owner.queryForObject("select count(*) from app_user where display_name = 'Kit Keeps'", Integer.class))
                .isZero();
    }


    /** The button of a row's actions (of the page's grid with an actions column). */
    @SuppressWarnings("unchecked")
    private static Button action(int row, String text) {
        var grid = _find(Grid.class).stream().filter(g -> g.getColumnByKey("actions") != null).findFirst().orElseThrow();
        var cell = _getCellComponent((Grid<Object>) grid, row, "actions");
        return _get(cell, Button.class, spec -> spec.withText(text));
    }

    private static Button button(String text) {
        return _get(Button.class, spec -> spec.withText(text));
    }

    private static Button button(String text, Component within) {
        return _get(within, Button.class, spec -> spec.withText(text));
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    private static java.util.List<String> summaryLinks() {
        return _find(_get(ErrorSummary.class), Anchor.class).stream().map(Anchor::getText).toList();
    }

    private LocalDate closesOn(long cycle) {
        return owner.queryForObject("select closes_on from assessment_cycle where id = ?", LocalDate.class, cycle);
    }

    private int auditedCycleActions(long cycle) {
        return owner.queryForObject("select count(*) from audit_event where action = 'CYCLE_CLOSED' and entity_id = ?",
                Integer.class, String.valueOf(cycle));
    }

    private boolean enabled(String email) {
        return owner.queryForObject("select enabled from app_user where email = ?", Boolean.class, email);
    }

    private int roles(String email) {
        return owner.queryForObject("select count(*) from role_assignment where user_id = "
                + "(select id from app_user where email = ?)", Integer.class, email);
    }

    private LocalDate closedOn(String odsCode) {
        return owner.queryForObject("select closed_on from trust where ods_code = ?", LocalDate.class, odsCode);
    }
}
