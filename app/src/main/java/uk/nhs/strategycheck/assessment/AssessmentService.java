package uk.nhs.strategycheck.assessment;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.MailException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.strategycheck.audit.AuditLog;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.Mailer;
import uk.nhs.strategycheck.shared.ServiceAddress;
import uk.nhs.strategycheck.shared.TransientFailures;
import uk.nhs.strategycheck.strategydocument.analysis.AnalysisJson;
import uk.nhs.strategycheck.tenancy.CurrentScope;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;
import uk.nhs.strategycheck.tenancy.Role;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * A trust's self-assessment in a cycle: answering, actions, submission and sign-off. Every
 * change is checked against the user's role, the assessment's status and the cycle's dates,
 * saved with optimistic locking, and written to the audit log in the same transaction. A
 * submission is e-mailed to the trust's approvers and a return to its editors, in the same
 * transaction too: if the e-mail cannot be sent, the step is not taken.
 */
@Service
@Transactional
public class AssessmentService {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentService.class);

    public static final int MAX_EVIDENCE = 4000;
    public static final int MAX_LINKS = 10;
    public static final int MAX_REASON = 2000;
    /** How a due date is written, as the form's hint and every message about it say. */
    public static final String DUE_DATE_EXAMPLE = "for example 31/3/2027";

    private final AssessmentRepository assessments;
    private final CurrentScopeSource scopes;
    private final AuditLog audit;
    private final Clock clock;
    private final Mailer mailer;
    private final ServiceAddress address;
    private final MeterRegistry meters;
    private final TransactionTemplate transactions;
    private final TransientFailures transientFailures;

    AssessmentService(AssessmentRepository assessments, CurrentScopeSource scopes, AuditLog audit, Clock clock,
                      Mailer mailer, ServiceAddress address, MeterRegistry meters,
                      PlatformTransactionManager transactionManager, TransientFailures transientFailures) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transientFailures = transientFailures;
        this.assessments = assessments;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.mailer = mailer;
        this.address = address;
        this.meters = meters;
    }

    /**
     * The trust's assessment in the open cycle (or, when none is open, the latest one). An
     * editor or approver who opens an open cycle for the first time starts the assessment.
     */
    public Optional<AssessmentPage> open() {
        var scope = trustScope();
        var assignment = scope.assignment();
        var today = LocalDate.now(clock);
        var cycle = assessments.findCurrentCycle(assignment.regionId(), today);
        if (cycle.isEmpty()) {
            return Optional.empty();
        }
        var existing = assessments.findAssessmentInCycle(assignment.icsId(), assignment.trustId(),
                cycle.get().summary().id());
        if (existing.isEmpty()) {
            if (!canEdit(assignment.role()) || !isOpen(cycle.get(), today) || closedOn(scope).isPresent()) {
                return Optional.empty();
            }
            var framework = assessments.loadFramework(cycle.get().frameworkId());
            var created = assessments.createAssessment(assignment.icsId(), assignment.trustId(),
                    cycle.get().summary().id(), framework);
            audit.record("ASSESSMENT_STARTED", "assessment", created.id(), null,
                    Map.of("cycle", cycle.get().summary().name(), "status", created.status().name()));
            existing = Optional.of(created);
        }
        return Optional.of(page(scope, existing.get(), cycle.get(), today));
    }

    private AssessmentPage page(CurrentScope scope, AssessmentRepository.AssessmentRow assessment,
                                AssessmentRepository.Cycle cycle, LocalDate today) {
        var assignment = scope.assignment();
        var framework = assessments.loadFramework(assessment.frameworkId());
        var previous = assessments.findPreviousCycle(assignment.regionId(), cycle.summary().opensOn());
        Map<Long, Integer> lastScores = previous
                .map(p -> assessments.findApprovedScores(assignment.icsId(), assignment.trustId(), p.id()))
                .orElse(Map.of());
        var history = assessments.findTransitions(assessment.icsId(), assessment.id());
        var can = capabilities(assignment.role(), assessment, cycle, today, closedOn(scope),
                assignment.role() == Role.TRUST_APPROVER && assessments.changedAnswersIn(assessment.id()));
        return new AssessmentPage(
                assessments.findTrustName(assignment.trustId()).orElseThrow(),
                framework, cycle.summary(), isOpen(assessment, cycle, today),
                assessment.id(), assessment.status(), assessment.version(),
                assessments.findAnswers(assessment.icsId(), assessment.id()),
                assessments.findActions(assessment.icsId(), assessment.id()),
                history,
                lastScores.isEmpty() ? Optional.empty() : previous.map(p -> p.name()),
                lastScores,
                can,
                assessments.findStrategyDocumentAnalysis(assessment.icsId(), assessment.id()).map(AnalysisJson::read),
                can.submit() ? names(assessments.findContacts(assignment.trustId(), Role.TRUST_APPROVER)) : List.of(),
                can.returnForChanges() ? names(assessments.findContacts(assignment.trustId(), Role.TRUST_EDITOR)) : List.of());
    }

    private Capabilities capabilities(Role role, AssessmentRepository.AssessmentRow assessment,
                                      AssessmentRepository.Cycle cycle, LocalDate today, Optional<LocalDate> closedOn,
                                      boolean answeredIt) {
        var status = assessment.status();
        boolean open = isOpen(assessment, cycle, today) && closedOn.isEmpty();
        boolean editor = canEdit(role);
        boolean answers = editor && open && status.isOpenForAnswers();
        String reason = null;
        if (closedOn.isPresent()) {
            reason = "The trust closed on " + Dates.format(closedOn.get())
                    + ", so its assessments can be read but no longer changed.";
        } else if (!editor) {
            reason = "You have view-only access to this assessment.";
        } else if (!open) {
            reason = "The " + cycle.summary().name() + " cycle closed on "
                    + Dates.format(cycle.summary().closesOn())
                    + ", so this assessment can no longer be changed.";
        } else if (status == AssessmentStatus.SUBMITTED) {
            reason = "This assessment has been submitted for sign-off. Its answers cannot change unless "
                    + "an approver returns it.";
        } else if (status == AssessmentStatus.APPROVED) {
            reason = "This assessment has been approved. Its answers are frozen.";
        }
        boolean approver = role == Role.TRUST_APPROVER;
        if (approver && status == AssessmentStatus.SUBMITTED && answeredIt) {
            reason = "You changed answers in this assessment, so another approver must sign it off.";
        }
        return new Capabilities(answers, editor && open && status != AssessmentStatus.SUBMITTED,
                answers, approver && status == AssessmentStatus.SUBMITTED && !answeredIt,
                approver && open && status == AssessmentStatus.SUBMITTED, reason);
    }

    /**
     * Saves one statement's answer, provided nobody has changed it since the version the user
     * loaded; otherwise reports the other person's answer and saves nothing. A failure that a
     * database failover or a lost connection causes is retried, the whole transaction again on a
     * new connection, a few times within a few seconds; if it still fails the answer is not saved
     * and {@link AssessmentProblem.NotSavedYet} says so, for the page to try again later.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Answer saveAnswer(long assessmentId, long statementId, AnswerDraft draft, int expectedVersion) {
        // Counted by outcome (dsc.autosaves): saved, a conflict with someone else's save, refused
        // (invalid, read-only, not allowed), or failed (not saved, for a reason of ours); each
        // attempt again after a transient failure is counted too (dsc.autosave.retries).
        String outcome = "failed";
        try {
            var saved = transientFailures.retry("saving statement " + statementId,
                    () -> transactions.execute(status -> writeAnswer(assessmentId, statementId, draft, expectedVersion)),
                    () -> meters.counter("dsc.autosave.retries").increment());
            outcome = "saved";
            return saved;
        } catch (TransientFailures.StillFailing failing) {
            throw new AssessmentProblem.NotSavedYet(failing);
        } catch (AssessmentProblem.AnswerConflict conflict) {
            outcome = "conflict";
            throw conflict;
        } catch (AssessmentProblem | AccessDeniedException refused) {
            outcome = "refused";
            throw refused;
        } finally {
            meters.counter("dsc.autosaves", "outcome", outcome).increment();
        }
    }

    private Answer writeAnswer(long assessmentId, long statementId, AnswerDraft draft, int expectedVersion) {
        var scope = trustScope();
        var assessment = editableAssessment(scope, assessmentId, true);
        var clean = validate(draft);
        var before = assessments.findAnswer(assessment.icsId(), assessmentId, statementId)
                .orElseThrow(() -> new AssessmentProblem("That statement is not part of this assessment."));
        Optional<Answer> saved;
        try {
            saved = assessments.updateAnswer(assessment.icsId(), assessmentId, statementId, clean, expectedVersion,
                    scope.userId(), scope.userName());
        } catch (DataIntegrityViolationException frozen) {
            // The database refuses changes to a submitted or approved assessment's answers.
            throw new AssessmentProblem("This assessment has just been submitted or approved, so its answers "
                    + "cannot change. Reload the page to see its status.");
        }
        if (saved.isEmpty() && holds(before, clean)) {
            // Already stored as the user wants it: most often this very save, committed by an
            // attempt whose connection died before the commit was acknowledged. Not a conflict.
            return before;
        }
        var after = saved.orElseThrow(() -> new AssessmentProblem.AnswerConflict(before));
        assessments.touchAssessment(assessment.icsId(), assessmentId);
        audit.record("ANSWER_CHANGED", "answer", assessmentId + "/" + statementId, auditValue(before), auditValue(after));
        return after;
    }

    private static boolean holds(Answer stored, AnswerDraft clean) {
        return Objects.equals(stored.score(), clean.score())
                && stored.evidence().strip().equals(clean.evidence())
                && stored.links().equals(clean.links());
    }

    private static List<String> names(List<AssessmentRepository.Contact> contacts) {
        return contacts.stream().map(AssessmentRepository.Contact::name).toList();
    }

    private static Map<String, Object> auditValue(Answer answer) {
        var value = new java.util.LinkedHashMap<String, Object>();
        value.put("score", answer.score());
        value.put("evidence", answer.evidence());
        value.put("links", answer.links());
        value.put("version", answer.version());
        return value;
    }

    private static AnswerDraft validate(AnswerDraft draft) {
        var problems = new ArrayList<AssessmentProblem.FieldMessage>();
        if (draft.score() != null && (draft.score() < 1 || draft.score() > 5)) {
            problems.add(new AssessmentProblem.FieldMessage("score", "Choose a score from 1 to 5."));
        }
        var evidence = draft.evidence() == null ? "" : draft.evidence().strip();
        if (evidence.length() > MAX_EVIDENCE) {
            problems.add(new AssessmentProblem.FieldMessage("evidence", "The evidence note is " + evidence.length()
                    + " characters long. Shorten it to " + MAX_EVIDENCE + " characters or fewer."));
        }
        var links = new ArrayList<String>();
        var notAddresses = new ArrayList<String>();
        for (var link : draft.links() == null ? List.<String>of() : draft.links()) {
            if (link == null || link.isBlank()) {
                continue;
            }
            var trimmed = link.strip();
            if (!isWebAddress(trimmed)) {
                notAddresses.add("\"" + trimmed + "\"");
            }
            links.add(trimmed);
        }
        if (!notAddresses.isEmpty()) {
            problems.add(new AssessmentProblem.FieldMessage("links", String.join(", ", notAddresses)
                    + (notAddresses.size() == 1 ? " is not a web address. " : " are not web addresses. ")
                    + "Links must start with https:// or http://, for example https://www.england.nhs.uk"));
        } else if (links.size() > MAX_LINKS) {
            problems.add(new AssessmentProblem.FieldMessage("links", "Add up to " + MAX_LINKS + " links."));
        }
        if (!problems.isEmpty()) {
            throw new AssessmentProblem.Invalid(problems);
        }
        return new AnswerDraft(draft.score(), evidence, links);
    }

    static boolean isWebAddress(String text) {
        if (text.length() > 500 || text.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            var uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getHost().contains(".");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Sends the assessment for sign-off; every statement must be scored. */
    public void submit(long assessmentId, int expectedVersion) {
        var scope = trustScope();
        var assessment = editableAssessment(scope, assessmentId, true);
        var framework = assessments.loadFramework(assessment.frameworkId());
        var answers = assessments.findAnswers(assessment.icsId(), assessmentId);
        var missing = new ArrayList<AssessmentProblem.MissingScore>();
        for (var characteristic : framework.characteristics()) {
            for (var statement : characteristic.statements()) {
                var answer = answers.get(statement.id());
                if (answer == null || answer.score() == null) {
                    missing.add(new AssessmentProblem.MissingScore(characteristic, statement));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new AssessmentProblem.Incomplete(missing);
        }
        move(scope, assessment, AssessmentStatus.SUBMITTED, null, expectedVersion, "ASSESSMENT_SUBMITTED");
        var approvers = assessments.findContacts(assessment.trustId(), Role.TRUST_APPROVER);
        var about = about(assessment);
        tell(assessment, approvers, "APPROVERS_EMAILED", "An assessment is waiting for your approval",
                "Hello,\n\n"
                        + scope.userName() + " has submitted " + about + " for approval.\n\n"
                        + "Check the answers, then approve the assessment or return it to the editors with a reason:\n"
                        + address.link("/check-your-answers") + "\n\n"
                        + "Until it is approved or returned, its answers cannot be changed. If you changed any of its "
                        + "answers yourself, another approver must approve it.\n\n"
                        + "Digital Strategy Check\n",
                "Your trust has no approvers yet, so nobody can be told.");
    }

    /** "Example NHS Trust's digital strategy self-assessment for 2026/27". */
    private String about(AssessmentRepository.AssessmentRow assessment) {
        var trust = assessments.findTrustName(assessment.trustId()).orElseThrow();
        var cycle = assessments.findCycle(assessment.cycleId()).orElseThrow().summary().name();
        return trust + "'s digital strategy self-assessment for " + cycle;
    }

    /**
     * E-mails the people concerned and records whom in the audit log (names and addresses, never
     * what the assessment says). If it cannot be sent, the caller's change is not made either.
     */
    private void tell(AssessmentRepository.AssessmentRow assessment, List<AssessmentRepository.Contact> people,
                      String auditAction, String subject, String body, String nobodyToTell) {
        if (people.isEmpty()) {
            LOG.warn("Assessment {}: {}", assessment.id(), nobodyToTell);
            return;
        }
        try {
            mailer.send(people.stream().map(AssessmentRepository.Contact::email).toList(), subject, body);
        } catch (MailException failed) {
            LOG.error("Assessment {}: e-mail \"{}\" not sent", assessment.id(), subject, failed);
            throw new AssessmentProblem("Nothing has changed: we could not send the email that tells your "
                    + "colleagues. Try again in a few minutes.");
        }
        var after = new java.util.LinkedHashMap<String, Object>();
        after.put("emailSubject", subject);
        after.put("recipients", people.stream().map(p -> p.name() + " <" + p.email() + ">").toList());
        audit.record(auditAction, "assessment", assessment.id(), null, after);
    }

    /**
     * Signs the submitted assessment off; its answers are frozen from then on. The approver
     * declares they have reviewed it (the words they agreed to go into the audit log).
     */
    public void approve(long assessmentId, int expectedVersion, String declaration) {
        var scope = trustScope();
        var assessment = submittedAssessment(scope, assessmentId, false);
        if (declaration == null || declaration.isBlank()) {
            throw new AssessmentProblem.Invalid("declaration",
                    "Confirm that you have reviewed the answers and their evidence.");
        }
        // Four eyes: whoever changed an answer cannot also sign the assessment off.
        if (assessments.changedAnswersIn(assessment.id())) {
            throw new AssessmentProblem("You changed answers in this assessment, so another approver must sign it off.");
        }
        move(scope, assessment, AssessmentStatus.APPROVED, null, expectedVersion, "ASSESSMENT_APPROVED",
                Map.of("declaration", declaration.strip()));
    }

    /** What an approver declares before approving the assessment. */
    public static String approvalDeclaration(AssessmentPage page) {
        return "I confirm I have reviewed all " + page.framework().statementCount() + " answers and their evidence, "
                + "and that this assessment is a fair account of " + page.trustName()
                + "'s digital strategy, to be shared with its integrated care system.";
    }

    /** Sends the submitted assessment back to the editors, saying why; it is editable again. */
    public void returnForChanges(long assessmentId, int expectedVersion, String reason) {
        var scope = trustScope();
        var assessment = submittedAssessment(scope, assessmentId, true);
        var why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new AssessmentProblem.Invalid("reason", "Enter what needs to change, so the editors know what to do.");
        }
        if (why.length() > MAX_REASON) {
            throw new AssessmentProblem.Invalid("reason", "What needs to change must be "
                    + String.format("%,d", MAX_REASON) + " characters or fewer.");
        }
        move(scope, assessment, AssessmentStatus.RETURNED, why, expectedVersion, "ASSESSMENT_RETURNED");
        var editors = assessments.findContacts(assessment.trustId(), Role.TRUST_EDITOR);
        tell(assessment, editors, "EDITORS_EMAILED", "Your trust's self-assessment has been returned for changes",
                "Hello,\n\n"
                        + scope.userName() + " has returned " + about(assessment) + " for changes.\n\n"
                        + "What needs to change:\n" + why + "\n\n"
                        + "Make the changes, then check your answers and submit the assessment again:\n"
                        + address.link("/check-your-answers") + "\n\n"
                        + "Digital Strategy Check\n",
                "Your trust has no editors, so nobody can be told.");
    }

    private void move(CurrentScope scope, AssessmentRepository.AssessmentRow assessment, AssessmentStatus to,
                      String reason, int expectedVersion, String auditAction) {
        move(scope, assessment, to, reason, expectedVersion, auditAction, Map.of());
    }

    private void move(CurrentScope scope, AssessmentRepository.AssessmentRow assessment, AssessmentStatus to,
                      String reason, int expectedVersion, String auditAction, Map<String, Object> alsoAudited) {
        if (!assessments.moveAssessment(assessment.id(), to, expectedVersion, reason)) {
            throw stale();
        }
        var after = new java.util.LinkedHashMap<String, Object>();
        after.put("status", to.name());
        if (reason != null) {
            after.put("reason", reason);
        }
        after.putAll(alsoAudited);
        audit.record(auditAction, "assessment", assessment.id(), Map.of("status", assessment.status().name()), after);
    }

    /** Adds an improvement action to one of the framework's characteristics. */
    public ImprovementAction addAction(long assessmentId, ActionDraft draft) {
        var scope = trustScope();
        var assessment = actionableAssessment(scope, assessmentId);
        var clean = validate(draft, assessment);
        var created = assessments.insertAction(assessment, clean, scope.userName());
        audit.record("ACTION_ADDED", "improvement_action", created.id(), null, created);
        return created;
    }

    /** Changes an action, provided nobody has changed it since the version the user loaded. */
    public ImprovementAction updateAction(long assessmentId, long actionId, ActionDraft draft, int expectedVersion) {
        var scope = trustScope();
        var assessment = actionableAssessment(scope, assessmentId);
        var clean = validate(draft, assessment);
        var before = assessments.findAction(assessment.icsId(), assessmentId, actionId)
                .orElseThrow(() -> new AssessmentProblem("That action is no longer part of this assessment."));
        var after = assessments.updateAction(assessment.icsId(), assessmentId, actionId, clean, expectedVersion,
                        scope.userName())
                .orElseThrow(() -> new AssessmentProblem("Someone else changed this action while you were editing it. "
                        + "Close this form and open the action again to see their changes."));
        audit.record("ACTION_CHANGED", "improvement_action", actionId, before, after);
        return after;
    }

    private ActionDraft validate(ActionDraft draft, AssessmentRepository.AssessmentRow assessment) {
        var title = draft.title() == null ? "" : draft.title().strip();
        var owner = draft.ownerName() == null ? "" : draft.ownerName().strip();
        var problems = new ArrayList<AssessmentProblem.FieldMessage>();
        if (title.isEmpty()) {
            problems.add(new AssessmentProblem.FieldMessage("title", "Enter what will be done."));
        } else if (title.length() > 200) {
            problems.add(new AssessmentProblem.FieldMessage("title",
                    "What will be done must be 200 characters or fewer."));
        }
        if (owner.isEmpty()) {
            problems.add(new AssessmentProblem.FieldMessage("owner", "Enter who owns the action."));
        } else if (owner.length() > 120) {
            problems.add(new AssessmentProblem.FieldMessage("owner", "The owner must be 120 characters or fewer."));
        }
        if (draft.dueOn() == null) {
            problems.add(new AssessmentProblem.FieldMessage("dueOn", "Enter the date the action is due, "
                    + DUE_DATE_EXAMPLE + "."));
        }
        if (draft.status() == null) {
            problems.add(new AssessmentProblem.FieldMessage("status", "Choose the action's status."));
        }
        var framework = assessments.loadFramework(assessment.frameworkId());
        if (framework.characteristics().stream().noneMatch(c -> c.id() == draft.characteristicId())) {
            problems.add(new AssessmentProblem.FieldMessage("characteristic", "Choose one of the seven characteristics."));
        }
        if (!problems.isEmpty()) {
            throw new AssessmentProblem.Invalid(problems);
        }
        return new ActionDraft(draft.characteristicId(), title, owner, draft.dueOn(), draft.status());
    }

    private CurrentScope trustScope() {
        var scope = scopes.require();
        scope.require(ScopeLevel.TRUST);
        return scope;
    }

    private AssessmentRepository.AssessmentRow editableAssessment(CurrentScope scope, long assessmentId,
                                                                  boolean needsOpenCycle) {
        requireEditor(scope);
        var assessment = find(scope, assessmentId);
        if (!assessment.status().isOpenForAnswers()) {
            throw new AssessmentProblem("This assessment is " + assessment.status().label().toLowerCase()
                    + ", so it cannot be changed. Reload the page to see its current state.");
        }
        requireOpenTrust(scope);
        if (needsOpenCycle) {
            requireOpenCycle(scope, assessment);
        }
        return assessment;
    }

    private AssessmentRepository.AssessmentRow submittedAssessment(CurrentScope scope, long assessmentId,
                                                                   boolean needsOpenCycle) {
        if (scope.assignment().role() != Role.TRUST_APPROVER) {
            throw new AccessDeniedException("Only an approver can approve or return an assessment");
        }
        var assessment = find(scope, assessmentId);
        if (assessment.status() != AssessmentStatus.SUBMITTED) {
            throw stale();
        }
        requireOpenTrust(scope);
        if (needsOpenCycle) {
            requireOpenCycle(scope, assessment);
        }
        return assessment;
    }

    private AssessmentRepository.AssessmentRow actionableAssessment(CurrentScope scope, long assessmentId) {
        requireEditor(scope);
        var assessment = find(scope, assessmentId);
        if (assessment.status() == AssessmentStatus.SUBMITTED) {
            throw new AssessmentProblem("Actions cannot change while the assessment waits for sign-off.");
        }
        requireOpenTrust(scope);
        requireOpenCycle(scope, assessment);
        return assessment;
    }

    private AssessmentRepository.AssessmentRow find(CurrentScope scope, long assessmentId) {
        var assignment = scope.assignment();
        return assessments.findAssessment(assignment.icsId(), assignment.trustId(), assessmentId)
                .orElseThrow(() -> new AccessDeniedException("Not an assessment of your trust"));
    }

    /** The day the signed-in trust closed, if it has: a closed trust is read-only for its users. */
    private Optional<LocalDate> closedOn(CurrentScope scope) {
        var today = LocalDate.now(clock);
        return assessments.findTrustClosedOn(scope.assignment().trustId()).filter(day -> !day.isAfter(today));
    }

    private void requireOpenTrust(CurrentScope scope) {
        closedOn(scope).ifPresent(day -> {
            throw new AssessmentProblem("The trust closed on " + Dates.format(day)
                    + ", so its assessments can no longer be changed.");
        });
    }

    private void requireOpenCycle(CurrentScope scope, AssessmentRepository.AssessmentRow assessment) {
        var today = LocalDate.now(clock);
        var cycle = assessments.findCycle(assessment.cycleId());
        if (cycle.isEmpty() || !isOpen(assessment, cycle.get(), today)) {
            throw new AssessmentProblem("This assessment's cycle has closed, so it can no longer be changed.");
        }
    }

    private static void requireEditor(CurrentScope scope) {
        if (!canEdit(scope.assignment().role())) {
            throw new AccessDeniedException("Viewers cannot change an assessment");
        }
    }

    private static boolean canEdit(Role role) {
        return role == Role.TRUST_EDITOR || role == Role.TRUST_APPROVER;
    }

    private static boolean isOpen(AssessmentRepository.Cycle cycle, LocalDate today) {
        return !today.isBefore(cycle.summary().opensOn()) && !today.isAfter(cycle.summary().closesOn());
    }

    /** Open while its cycle is, or until the day an admin reopened it to. */
    private static boolean isOpen(AssessmentRepository.AssessmentRow assessment, AssessmentRepository.Cycle cycle,
                                  LocalDate today) {
        return isOpen(cycle, today)
                || (assessment.reopenedUntil() != null && !today.isAfter(assessment.reopenedUntil()));
    }

    private static AssessmentProblem stale() {
        return new AssessmentProblem("Someone else has just changed this assessment's status. "
                + "Reload the page to see where it stands.");
    }
}
