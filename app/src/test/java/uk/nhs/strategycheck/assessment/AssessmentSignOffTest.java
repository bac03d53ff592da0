package uk.nhs.strategycheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.OrganisationFixture;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.admin.InvitationMail;
import uk.nhs.strategycheck.shared.ServiceAddress;

/**
 * Submission, return and approval against PostgreSQL and GreenMail: who is e-mailed, what the
 * e-mail says, what the audit log records; the approver's declaration; every mistake in an
 * action at once; and a characteristic rated only once all its statements are scored. Uses its
 * own trust (ZAS1, in South East London ICS) and users.
 */
@IntegrationTest
class AssessmentSignOffTest {

    private static final String DOMAIN = "@assessment-signoff.test";
    private static final String EDITOR = "editor" + DOMAIN;
    private static final String SECOND_EDITOR = "second.editor" + DOMAIN;
    private static final String APPROVER = "approver" + DOMAIN;
    private static final String SECOND_APPROVER = "second.approver" + DOMAIN;
    private static final String VIEWER = "viewer" + DOMAIN;
    private static final String EVIDENCE = "Board minutes, item 8, confidential";

    @Autowired
    AssessmentService assessments;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    GreenMail mail;
    @Autowired
    ServiceAddress address;

    private JdbcTemplate owner;
    private OrganisationFixture fixture;
    private List<MimeMessage> mailBefore;

    @BeforeEach
    void ownTrust() {
        mailBefore = List.of(mail.getReceivedMessages());
        owner = database.owner();
        fixture = new OrganisationFixture(owner, "ZAS", DOMAIN);
        fixture.remove();
        long ics = owner.queryForObject("select id from ics where ods_code = 'QKK'", Long.class);
        long trust = fixture.trust("ZAS1", ics, "acute");
        long otherTrust = fixture.trust("ZAS2", ics, "acute");
        fixture.user("editor", "TRUST_EDITOR", ics, trust);
        fixture.user("second.editor", "TRUST_EDITOR", ics, trust);
        fixture.user("approver", "TRUST_APPROVER", ics, trust);
        fixture.user("second.approver", "TRUST_APPROVER", ics, trust);
        fixture.user("viewer", "TRUST_VIEWER", ics, trust);
        fixture.user("other.approver", "TRUST_APPROVER", ics, otherTrust);
        fixture.user("disabled.approver", "TRUST_APPROVER", ics, trust);
        owner.update("update app_user set enabled = false where email = ?", "disabled.approver" + DOMAIN);
    }

    @AfterEach
    void removeIt() {
        signIn.out();
        fixture.remove();
    }

    @Test
    void submittingEmailsTheTrustsApproversAndTheAuditLogSaysWhoWasTold() throws Exception {
        signIn.as(EDITOR);
        var page = answerEverything();
        assertThat(page.approvers()).as("named in the confirmation before submitting")
                .containsExactly("approver", "second.approver");

        assessments.submit(page.assessmentId(), page.version());

        var message = InvitationMail.newestTo(mail, APPROVER);
        assertThat(recipients(message)).containsExactlyInAnyOrder(APPROVER, SECOND_APPROVER);
        assertThat(message.getSubject()).isEqualTo("An assessment is waiting for your approval");
        var body = body(message);
        assertThat(body).contains("editor has submitted Test ZAS1 NHS Trust's digital strategy self-assessment "
                        + "for 2026/27 for approval.")
                .contains(address.link("/check-your-answers"))
                .doesNotContain(EVIDENCE);
        assertThat(sentTo(EDITOR)).as("the editor is not told").isZero();
        assertThat(sentTo("other.approver" + DOMAIN)).as("nor another trust's approver").isZero();
        assertThat(sentTo("disabled.approver" + DOMAIN)).as("nor a disabled account").isZero();

        var audit = owner.queryForMap("""
                select user_email, after::text as after from audit_event
                 where action = 'APPROVERS_EMAILED' and entity_type = 'assessment' and entity_id = ?""",
                String.valueOf(page.assessmentId()));
        assertThat(audit.get("user_email")).isEqualTo(EDITOR);
        assertThat((String) audit.get("after"))
                .contains("approver <" + APPROVER + ">", "second.approver <" + SECOND_APPROVER + ">")
                .doesNotContain(EVIDENCE);
    }

    @Test
    void returningEmailsTheTrustsEditorsWithTheReason() throws Exception {
        signIn.as(EDITOR);
        var page = answerEverything();
        assessments.submit(page.assessmentId(), page.version());
        signIn.as(APPROVER);
        var review = assessments.open().orElseThrow();
        assertThat(review.editors()).containsExactly("editor", "second.editor");

        assessments.returnForChanges(review.assessmentId(), review.version(), "The evidence for S2 is thin.");

        assertThat(status(page.assessmentId())).isEqualTo("RETURNED");
        var message = InvitationMail.newestTo(mail, EDITOR);
        assertThat(recipients(message)).containsExactlyInAnyOrder(EDITOR, SECOND_EDITOR);
        assertThat(message.getSubject()).isEqualTo("Your trust's self-assessment has been returned for changes");
        assertThat(body(message)).contains("approver has returned Test ZAS1 NHS Trust's digital strategy "
                        + "self-assessment for 2026/27 for changes.")
                .contains("What needs to change:\nThe evidence for S2 is thin.")
                .contains(address.link("/check-your-answers"));
        assertThat(owner.queryForObject("""
                select after::text from audit_event
                 where action = 'EDITORS_EMAILED' and entity_type = 'assessment' and entity_id = ?""",
                String.class, String.valueOf(page.assessmentId())))
                .contains("editor <" + EDITOR + ">", "second.editor <" + SECOND_EDITOR + ">");
    }

    @Test
    void approvingNeedsTheDeclarationWhichTheAuditLogKeeps() {
        signIn.as(EDITOR);
        var page = answerEverything();
        assessments.submit(page.assessmentId(), page.version());
        signIn.as(APPROVER);
        var review = assessments.open().orElseThrow();
        var declaration = AssessmentService.approvalDeclaration(review);
        assertThat(declaration).isEqualTo("I confirm I have reviewed all 28 answers and their evidence, and that this "
                + "assessment is a fair account of Test ZAS1 NHS Trust's digital strategy, to be shared with its "
                + "integrated care system.");

        assertThatThrownBy(() -> assessments.approve(review.assessmentId(), review.version(), " "))
                .isInstanceOfSatisfying(AssessmentProblem.Invalid.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("declaration"));
        assertThat(status(page.assessmentId())).isEqualTo("SUBMITTED");

        assessments.approve(review.assessmentId(), review.version(), declaration);
        assertThat(status(page.assessmentId())).isEqualTo("APPROVED");
        assertThat(owner.queryForObject("""
                select after ->> 'declaration' from audit_event
                 where action = 'ASSESSMENT_APPROVED' and entity_id = ?""", String.class,
                String.valueOf(page.assessmentId()))).isEqualTo(declaration);
    }

    @Test
    void everyMistakeInAnActionIsReportedAtOnce() {
        signIn.as(EDITOR);
        var page = assessments.open().orElseThrow();

        assertThatThrownBy(() -> assessments.addAction(page.assessmentId(), new ActionDraft(
                page.framework().characteristics().get(0).id(), " ", "", null, null)))
                .isInstanceOfSatisfying(AssessmentProblem.Invalid.class, invalid -> assertThat(invalid.fields())
                        .containsExactly(
                                new AssessmentProblem.FieldMessage("title", "Enter what will be done."),
                                new AssessmentProblem.FieldMessage("owner", "Enter who owns the action."),
                                new AssessmentProblem.FieldMessage("dueOn",
                                        "Enter the date the action is due, for example 31/3/2027."),
                                new AssessmentProblem.FieldMessage("status", "Choose the action's status.")));
        assertThat(owner.queryForObject("select count(*) from improvement_action where assessment_id = ?",
                Long.class, page.assessmentId())).isZero();
    }

    @Test
    void aCharacteristicIsRatedOnlyOnceAllItsStatementsAreScored() {
        signIn.as(EDITOR);
        var page = assessments.open().orElseThrow();
        var leadership = page.framework().characteristics().get(0);
        var statements = leadership.statements();
        assessments.saveAnswer(page.assessmentId(), statements.get(0).id(), new AnswerDraft(3, "", List.of()), 0);
        assessments.saveAnswer(page.assessmentId(), statements.get(1).id(), new AnswerDraft(4, "", List.of()), 0);

        var partly = assessments.open().orElseThrow();
        assertThat(partly.rating(leadership).rated()).isFalse();
        assertThat(partly.score(leadership)).isEmpty();
        assertThat(partly.rating(leadership).notRatedText()).isEqualTo("Not rated yet: 2 of 4 statements scored");

        assessments.saveAnswer(page.assessmentId(), statements.get(2).id(), new AnswerDraft(4, "", List.of()), 0);
        assessments.saveAnswer(page.assessmentId(), statements.get(3).id(), new AnswerDraft(4, "", List.of()), 0);
        var whole = assessments.open().orElseThrow();
        assertThat(whole.rating(leadership).rated()).isTrue();
        assertThat(whole.score(leadership)).hasValueSatisfying(score -> assertThat(score.toPlainString()).isEqualTo("3.8"));
    }

    /** Colleagues' addresses come from a database function that gives them to few, and only the current ones. */
    @Test
    void onlyTheTrustsOwnEditorsAndApproversLearnWhomToTellAndAnIcsLeaderOnlyItsEditors() throws Exception {
        long trust = owner.queryForObject("select id from trust where ods_code = 'ZAS1'", Long.class);
        owner.update("update role_assignment set ends_on = current_date where user_id = (select id from app_user "
                + "where email = ?)", SECOND_APPROVER);
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            assertThat(contacts(app, EDITOR, trust, "TRUST_APPROVER")).as("the ended role is left out")
                    .containsExactly(APPROVER);
            assertThat(contacts(app, APPROVER, trust, "TRUST_EDITOR")).containsExactly(EDITOR, SECOND_EDITOR);
            assertThat(contacts(app, VIEWER, trust, "TRUST_APPROVER")).as("a viewer").isEmpty();
            assertThat(contacts(app, "other.approver" + DOMAIN, trust, "TRUST_EDITOR")).as("another trust").isEmpty();
            assertThat(contacts(app, "ics.leader@demo.example", trust, "TRUST_APPROVER")).as("the ICS leader").isEmpty();
            assertThat(contacts(app, "ics.leader@demo.example", trust, "TRUST_EDITOR")).as("a reminder's recipients")
                    .containsExactly(EDITOR, SECOND_EDITOR);
        }
    }

    private List<String> contacts(java.sql.Connection app, String email, long trust, String role) throws Exception {
        var userAndAssignment = owner.queryForObject("""
                select u.id, min(ra.id) from app_user u join role_assignment ra on ra.user_id = u.id
                 where u.email = ? group by u.id""", (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}, email);
        TestDatabase.enterScope(app, userAndAssignment);
        var emails = new java.util.ArrayList<String>();
        try (var query = app.prepareStatement("select email from tenancy.trust_contacts(?, ?)")) {
            query.setLong(1, trust);
            query.setString(2, role);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    emails.add(rows.getString(1));
                }
            }
        }
        app.rollback();
        return emails;
    }

    private AssessmentPage answerEverything() {
        var page = assessments.open().orElseThrow();
        for (var characteristic : page.framework().characteristics()) {
            for (var statement : characteristic.statements()) {
                assessments.saveAnswer(page.assessmentId(), statement.id(), new AnswerDraft(3, EVIDENCE, List.of()), 0);
            }
        }
        return assessments.open().orElseThrow();
    }

    private String status(long assessmentId) {
        return owner.queryForObject("select status from assessment where id = ?", String.class, assessmentId);
    }

    private long sentTo(String address) {
        // GreenMail lists messages mailbox by mailbox, not in the order they came.
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> !mailBefore.contains(m))
                .filter(m -> recipients(m).contains(address)).count();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("\r\n", "\n");
    }
}
