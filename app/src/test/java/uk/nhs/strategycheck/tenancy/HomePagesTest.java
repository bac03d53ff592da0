package uk.nhs.strategycheck.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.OrganisationFixture;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestClock;
import uk.nhs.strategycheck.TestDatabase;

/**
 * Each role's home page says where things stand and what to do next, from real rows read in the
 * user's own scope. Its own ICS in London (ZHMA) with four trusts: one returned, one submitted,
 * one approved and one not started; the demo trusts are left alone. The clock stands at 20 March
 * 2027, eleven days before the 2026/27 cycle closes.
 */
@IntegrationTest
class HomePagesTest {

    private static final String DOMAIN = "@homes.test";
    private static final Instant TWENTIETH_OF_MARCH = Instant.parse("2027-03-20T12:00:00Z");

    @Autowired
    HomeService homes;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    TestClock clock;

    private JdbcTemplate owner;
    private OrganisationFixture fixture;
    private long icsId;
    private long returned;
    private long submitted;
    private long approved;
    private long notStarted;

    @BeforeEach
    void fourTrustsAtFourStages() {
        owner = database.owner();
        fixture = new OrganisationFixture(owner, "ZHM", DOMAIN);
        fixture.remove();
        icsId = fixture.ics("ZHMA", "Y56");
        returned = fixture.trust("ZHM1", icsId, "acute");
        submitted = fixture.trust("ZHM2", icsId, "acute");
        approved = fixture.trust("ZHM3", icsId, "community");
        notStarted = fixture.trust("ZHM4", icsId, "ambulance");

        long returnedAssessment = fixture.assessment(returned, "2026/27", "Y56", "DRAFT");
        answer(returned, returnedAssessment, 19);
        owner.update("update assessment set status = 'RETURNED' where id = ?", returnedAssessment);
        transition(returned, returnedAssessment, "SUBMITTED", null, "Erin Editor", "2026-11-20T10:00:00Z");
        transition(returned, returnedAssessment, "RETURNED", "Say who signs the strategy off in S2.", "Ada Approver",
                "2026-11-25T15:30:00Z");

        long submittedAssessment = fixture.assessment(submitted, "2026/27", "Y56", "DRAFT");
        answer(submitted, submittedAssessment, 28);
        owner.update("update assessment set status = 'SUBMITTED' where id = ?", submittedAssessment);
        transition(submitted, submittedAssessment, "SUBMITTED", null, "Erin Editor", "2027-03-18T09:00:00Z");

        fixture.approved(approved, "2026/27", "Y56", 1);
        clock.set(TWENTIETH_OF_MARCH);
    }

    @AfterEach
    void removeThem() {
        signIn.out();
        clock.reset();
        fixture.remove();
    }

    @Test
    void anEditorWhoseAssessmentWasReturnedSeesWhoReturnedItWhyAndTheNextStep() {
        signIn.as(fixture.user("returned.editor", "TRUST_EDITOR", icsId, returned));

        var home = homes.trustHome();

        assertThat(home.nextStep().title()).isEqualTo("Returned to you on 25 November 2026 by Ada Approver");
        assertThat(home.nextStep().lines()).containsExactly("Reason: Say who signs the strategy off in S2.",
                "Change the answers it mentions, then check your answers and submit it again.");
        assertThat(home.nextStep().action()).contains(new Link("Change your answers", "assessment"));
        assertThat(facts(home.status())).containsEntry("Status", "Returned for changes")
                .containsEntry("Progress", "19 of 28 statements answered")
                .containsEntry("Closes on", "31 March 2027 (11 days left)");
    }

    @Test
    void anEditorWhoseAssessmentWasReopenedAfterTheCloseSeesWhyAndUntilWhen() {
        var reason = "Reopened by the region until 15 April 2027: S2 needs the board's sign-off date.";
        owner.update("update assessment set reopened_until = date '2027-04-15', reopen_reason = ? where trust_id = ?",
                reason, returned);
        transition(returned, owner.queryForObject("select id from assessment where trust_id = ?", Long.class, returned),
                "RETURNED", reason, "Ruth Evans", "2027-04-04T09:00:00Z");
        clock.set(Instant.parse("2027-04-05T12:00:00Z"));
        signIn.as(fixture.user("reopened.editor", "TRUST_EDITOR", icsId, returned));

        var home = homes.trustHome();

        assertThat(home.nextStep().title()).isEqualTo("Returned to you on 4 April 2027 by Ruth Evans");
        assertThat(home.nextStep().lines()).containsExactly(reason,
                "Change the answers it mentions, then check your answers and submit it again.");
        assertThat(facts(home.status())).containsEntry("Closed on", "31 March 2027")
                .containsEntry("Reopened until", "15 April 2027 (10 days left)");
    }

    @Test
    void anApproverIsToldASubmittedAssessmentWaitsForThemAndItsEditorThatItWaits() {
        signIn.as(fixture.user("submitted.approver", "TRUST_APPROVER", icsId, submitted));

        var home = homes.trustHome();

        assertThat(home.nextStep().title()).isEqualTo("An assessment is waiting for your approval");
        assertThat(home.nextStep().lines()).containsExactly("Submitted on 18 March 2027 by Erin Editor. Check the "
                + "answers, then approve the assessment or return it to the editors with a reason.");
        assertThat(home.nextStep().action()).contains(new Link("Check the answers and approve", "check-your-answers"));

        signIn.as(fixture.user("submitted.editor", "TRUST_EDITOR", icsId, submitted));
        assertThat(homes.trustHome().nextStep().title()).isEqualTo("Waiting for approval");

        signIn.as(fixture.user("returned.approver", "TRUST_APPROVER", icsId, returned));
        assertThat(homes.trustHome().nextStep().title()).as("nothing waits for this approver")
                .isEqualTo("Returned to the editors on 25 November 2026 by Ada Approver");
    }

    @Test
    void anEditorWithEverythingAnsweredIsSentToCheckTheirAnswersAndOneWithNothingStartedToStart() {
        owner.update("update assessment set status = 'DRAFT' where trust_id = ?", submitted);
        signIn.as(fixture.user("ready.editor", "TRUST_EDITOR", icsId, submitted));
        var ready = homes.trustHome().nextStep();
        assertThat(ready.title()).isEqualTo("Check your answers and submit");
        assertThat(ready.action()).contains(new Link("Check your answers", "check-your-answers"));

        signIn.as(fixture.user("new.editor", "TRUST_EDITOR", icsId, notStarted));
        var start = homes.trustHome();
        assertThat(start.nextStep().title()).isEqualTo("Start your trust's 2026/27 self-assessment");
        assertThat(start.nextStep().action()).contains(new Link("Start the self-assessment", "assessment"));
        assertThat(facts(start.status())).containsEntry("Status", "Not started").doesNotContainKey("Progress");
    }

    @Test
    void aViewerSeesTheStatusAndWhatTheyCanReadButNoStepOfTheirs() {
        signIn.as(fixture.user("approved.viewer", "TRUST_VIEWER", icsId, approved));

        var home = homes.trustHome();

        assertThat(facts(home.status())).containsEntry("Status", "Approved")
                .containsEntry("Progress", "28 of 28 statements answered");
        assertThat(home.nextStep().title()).startsWith("Approved");
        assertThat(home.links()).extracting(Link::route).contains("assessment", "reports")
                .doesNotContain("strategy-document");
    }

    @Test
    void anIcsLeaderCountsTheirTrustsByStageAndIsSentToRemindThoseStillToSubmit() {
        signIn.as(fixture.user("leader", "ICS_LEADER", icsId, null));

        var home = homes.icsHome();

        assertThat(facts(home.status())).containsEntry("Cycle", "2026/27")
                .containsEntry("Closes on", "31 March 2027 (11 days left)")
                .containsEntry("Submitted", "2 of 4 member trusts")
                .containsEntry("Approved", "1 trust")
                .containsEntry("Waiting for approval", "1 trust")
                .containsEntry("Still answering", "1 trust")
                .containsEntry("Not started", "1 trust");
        assertThat(home.nextStep().title()).isEqualTo("2 member trusts have not submitted yet");
        assertThat(home.nextStep().lines()).first()
                .isEqualTo("Still to submit: Test ZHM1 NHS Trust and Test ZHM4 NHS Trust.");
        assertThat(home.nextStep().action()).contains(new Link("Send reminders", "ics/submissions"));
        assertThat(home.members()).extracting(MemberStatus::odsCode, MemberStatus::status, MemberStatus::answered)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ZHM1", "Returned for changes", "19 of 28"),
                        org.assertj.core.groups.Tuple.tuple("ZHM2", "Waiting for approval", "28 of 28"),
                        org.assertj.core.groups.Tuple.tuple("ZHM3", "Approved", "28 of 28"),
                        org.assertj.core.groups.Tuple.tuple("ZHM4", "Not started", "None"));

        owner.update("update assessment set status = 'APPROVED' where trust_id in (?, ?)", returned, submitted);
        fixture.assessment(notStarted, "2026/27", "Y56", "APPROVED");
        var done = homes.icsHome();
        assertThat(done.nextStep().title()).isEqualTo("Every member trust's assessment is approved");
        assertThat(done.nextStep().action()).contains(new Link("Prepare the board pack", "reports"));
    }

    @Test
    void aRegionAdminSeesTheCycleClosingTheirIcssSubmissionsAndTheChangesDue() {
        long change = owner.queryForObject("""
                insert into organisation_change (title, effective_on, region_ids)
                values ('Rename Test ZHM4', date '2027-03-01', array[(select id from region where ods_code = 'Y56')])
                returning id""", Long.class);
        owner.update("""
                insert into organisation_change_step (change_id, position, action, ods_code, name)
                values (?, 1, 'RENAME_TRUST', 'ZHM4', 'Renamed ZHM4 NHS Trust')""", change);
        signIn.as("region.admin@demo.example");

        var home = homes.regionHome();

        assertThat(facts(home.status())).containsEntry("Cycle", "2026/27")
                .containsEntry("Closes on", "31 March 2027 (11 days left)");
        assertThat(facts(home.status()).get("Organisation changes")).endsWith("due to be applied");
        assertThat(home.nextStep().title()).endsWith("due to be applied");
        assertThat(home.nextStep().action()).map(Link::route).contains("admin/changes");
        assertThat(home.icss()).filteredOn(ics -> ics.odsCode().equals("ZHMA")).singleElement()
                .satisfies(ics -> {
                    assertThat(ics.trusts()).isEqualTo(4);
                    assertThat(ics.submitted()).isEqualTo(2);
                    assertThat(ics.approved()).isEqualTo(1);
                    assertThat(ics.submittedShare()).isEqualTo("2 of 4 (50%)");
                });
    }

    @Test
    void aNationalAdminSeesEachRegionsCycleAndItsClosingDate() {
        signIn.as("national.admin@demo.example");

        var home = homes.nationalHome();

        assertThat(home.regions()).filteredOn(region -> region.odsCode().equals("Y56")).singleElement()
                .satisfies(london -> {
                    assertThat(london.cycleName()).isEqualTo("2026/27");
                    assertThat(london.closesOn()).isEqualTo(java.time.LocalDate.of(2027, 3, 31));
                    assertThat(london.submitted()).isGreaterThanOrEqualTo(2);
                });
        assertThat(facts(home.status())).containsEntry("First to close", "31 March 2027 (11 days left)");
        // England's board pack is one click away.
        assertThat(home.links()).contains(new Link("Prepare the national board pack", "reports"));
    }

    @Test
    void wordsAgreeWithTheirNumbers() {
        assertThat(HomeService.plural(1, "trust", "trusts")).isEqualTo("1 trust");
        assertThat(HomeService.plural(0, "trust", "trusts")).isEqualTo("0 trusts");
        assertThat(HomeService.names(List.of("A", "B", "C"))).isEqualTo("A, B and C");
        assertThat(HomeService.closing(java.time.LocalDate.of(2027, 3, 31), java.time.LocalDate.of(2027, 3, 30)))
                .isEqualTo("31 March 2027 (1 day left)");
        assertThat(HomeService.closing(java.time.LocalDate.of(2027, 3, 31), java.time.LocalDate.of(2026, 11, 30)))
                .isEqualTo("31 March 2027");
    }

    private static Map<String, String> facts(List<Fact> facts) {
        return facts.stream().collect(Collectors.toMap(Fact::label, Fact::value, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** Answers the assessment's first statements (by characteristic and position) and leaves the rest empty. */
    private void answer(long trustId, long assessmentId, int answered) {
        owner.update("""
                insert into answer (ics_id, trust_id, assessment_id, statement_id, score, evidence)
                select t.ics_id, t.id, ?, s.id,
                       case when row_number() over (order by c.position, s.position) <= ? then 3 end, ''
                  from trust t, statement s join characteristic c on c.id = s.characteristic_id
                  join framework f on f.id = c.framework_id
                 where t.id = ? and f.version = 1""", assessmentId, answered, trustId);
    }

    private void transition(long trustId, long assessmentId, String to, String reason, String by, String at) {
        owner.update("""
                insert into assessment_transition (ics_id, trust_id, assessment_id, to_status, reason, user_name, occurred_at)
                select ics_id, id, ?, ?, ?, ?, ?::timestamptz from trust where id = ?""",
                assessmentId, to, reason, by, at, trustId);
    }
}
