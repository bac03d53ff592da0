package uk.nhs.strategycheck.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestClock;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.assessment.AnswerDraft;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.shared.Dates;

/**
 * Cycles as admins manage them, in a cycle of its own far in the future (2040/41), with
 * the clock moved to match, so the demo cycles stay as they are.
 */
@IntegrationTest
class CycleAdminServiceTest {

    private static final String CYCLE = "2040/41";

    @Autowired
    CycleAdminService cycles;
    @Autowired
    AssessmentService assessments;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    TestClock clock;

    private JdbcTemplate owner;

    @BeforeEach
    void setUp() throws SQLException {
        owner = database.owner();
        database.trustUser("rj2.editor@test.example", "Erin Editor", "TRUST_EDITOR", "RJ2");
    }

    @AfterEach
    void cleanUp() {
        signIn.out();
        clock.reset();
        owner.update("update assessment set status = 'DRAFT' where cycle_id in (select id from assessment_cycle where name = ?)", CYCLE);
        owner.update("delete from assessment where cycle_id in (select id from assessment_cycle where name = ?)", CYCLE);
        owner.update("delete from assessment_cycle where name = ?", CYCLE);
    }

    private void today(int year, int month, int day) {
        clock.set(LocalDate.of(year, month, day).atTime(9, 0).atZone(Dates.ENGLAND).toInstant());
    }

    @Test
    void aRegionAdminCreatesOpensAndClosesTheirRegionsCycle() {
        signIn.as("region.admin@demo.example");
        today(2040, 9, 1);

        var created = cycles.create(null, CYCLE, LocalDate.of(2040, 10, 1), LocalDate.of(2041, 3, 31));
        assertThat(created.regionName()).isEqualTo("London");
        assertThat(created.state(LocalDate.of(2040, 9, 1))).isEqualTo("Not yet open");

        var opened = cycles.openNow(created.id());
        assertThat(opened.opensOn()).isEqualTo(LocalDate.of(2040, 9, 1));

        today(2040, 12, 1);
        var closed = cycles.closeNow(created.id());
        assertThat(closed.closesOn()).isEqualTo(LocalDate.of(2040, 11, 30));
        assertThat(closed.state(LocalDate.of(2040, 12, 1))).isEqualTo("Closed");

        assertThat(owner.queryForList("select action from audit_event where entity_type = 'cycle' and entity_id = ? order by id",
                String.class, String.valueOf(created.id()))).containsExactly("CYCLE_CREATED", "CYCLE_OPENED", "CYCLE_CLOSED");
    }

    @Test
    void badCyclesAreRefusedWithTheFieldAndAReason() {
        signIn.as("region.admin@demo.example");
        assertThatThrownBy(() -> cycles.create(null, "2040-41", LocalDate.of(2040, 10, 1), LocalDate.of(2041, 3, 31)))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class, r -> assertThat(r.field()).isEqualTo("name"));
        assertThatThrownBy(() -> cycles.create(null, CYCLE, LocalDate.of(2041, 10, 1), LocalDate.of(2041, 3, 31)))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class, r -> assertThat(r.field()).isEqualTo("closesOn"));
        assertThatThrownBy(() -> cycles.create(null, "2026/27", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 3, 31)))
                .hasMessage("This region already has a 2026/27 cycle.");

        signIn.as("national.admin@demo.example");
        assertThatThrownBy(() -> cycles.create(null, CYCLE, LocalDate.of(2040, 10, 1), LocalDate.of(2041, 3, 31)))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class, r -> assertThat(r.field()).isEqualTo("region"));
        // Every field at fault at once, so the form can list them all together.
        assertThatThrownBy(() -> cycles.create(null, "next year", null, null))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class, r -> assertThat(r.errors())
                        .extracting(AdminProblem.FieldError::field).containsExactly("region", "name", "opensOn", "closesOn"));
        assertThat(owner.queryForObject("select count(*) from assessment_cycle where name = 'next year'", Integer.class))
                .isZero();
    }

    @Test
    void aRegionAdminCannotSeeOrChangeAnotherRegionsCycles() {
        long northWestCycle = owner.queryForObject("""
                select c.id from assessment_cycle c join region r on r.id = c.region_id
                 where r.ods_code = 'Y62' and c.name = '2026/27'""", Long.class);
        signIn.as("region.admin@demo.example");

        assertThat(cycles.cycles().cycles()).extracting(CycleRow::regionName).containsOnly("London");
        assertThatThrownBy(() -> cycles.closeNow(northWestCycle)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cycles.assessments(northWestCycle)).isInstanceOf(AccessDeniedException.class);

        signIn.as("editor@demo.example");
        assertThatThrownBy(() -> cycles.cycles()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aReopenedAssessmentCanChangeUntilTheChosenDayAndTheTrustSeesWhy() {
        signIn.as("region.admin@demo.example");
        today(2041, 4, 10);
        var cycle = cycles.create(null, CYCLE, LocalDate.of(2040, 10, 1), LocalDate.of(2041, 3, 31));
        long assessment = owner.queryForObject("""
                insert into assessment (ics_id, trust_id, cycle_id, framework_id, status)
                select t.ics_id, t.id, ?, (select id from framework where version = 1), 'SUBMITTED'
                  from trust t where t.ods_code = 'RJ2' returning id""", Long.class, cycle.id());
        owner.update("""
                insert into answer (ics_id, trust_id, assessment_id, statement_id, score)
                select a.ics_id, a.trust_id, a.id, s.id, 3 from assessment a cross join statement s where a.id = ?""",
                assessment);

        assertThatThrownBy(() -> cycles.reopen(cycle.id(), "RJ2", LocalDate.of(2041, 4, 20), " "))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class, r -> assertThat(r.field()).isEqualTo("reason"));
        cycles.reopen(cycle.id(), "RJ2", LocalDate.of(2041, 4, 20), "Board met late because of the election period.");

        assertThat(owner.queryForObject("select status from assessment where id = ?", String.class, assessment))
                .isEqualTo("RETURNED");
        signIn.as("rj2.editor@test.example");
        var page = assessments.open().orElseThrow();
        assertThat(page.assessmentId()).isEqualTo(assessment);
        assertThat(page.can().editAnswers()).isTrue();
        assertThat(page.history()).last().satisfies(step -> assertThat(step.reason())
                .isEqualTo("Reopened by the region until 20 April 2041: Board met late because of the election period."));
        long statement = page.framework().characteristics().get(0).statements().get(0).id();
        assessments.saveAnswer(assessment, statement, new AnswerDraft(4, "Late evidence", List.of()),
                page.answers().get(statement).version());

        today(2041, 4, 21);
        assertThat(assessments.open().orElseThrow().can().editAnswers()).isFalse();
        assertThat(owner.queryForObject("select count(*) from audit_event where action = 'ASSESSMENT_REOPENED' "
                + "and entity_id = ?", Long.class, String.valueOf(assessment))).isEqualTo(1);
    }
}
