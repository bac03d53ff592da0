package uk.nhs.strategycheck.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.MailException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.nhs.strategycheck.security.SignInSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.nhs.strategycheck.audit.AuditLog;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.Mailer;
import uk.nhs.strategycheck.shared.ServiceAddress;
import uk.nhs.strategycheck.tenancy.CurrentScope;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;
import uk.nhs.strategycheck.tenancy.Role;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * Users for admins: the list, invitations by email, role assignments, disabling and
 * unlocking. A region admin works only within their region: they see the users whose home
 * region is theirs or who hold a role in it, change only the roles in it, and disable, enable,
 * unlock or re-invite only the users whose home region is theirs. A national admin works
 * everywhere. Row level security enforces the same in the database. Every change is audited
 * in the same transaction.
 *
 * <p>Also the activation of an invitation, the only calls here that need no scope: the invitee
 * has no account yet, and proves who they are with the link's token.
 */
@Service
@Transactional
public class UserAdminService {

    /** Failed sign-ins in a row that lock an account (the database function counts them). */
    public static final int LOCK_AFTER = 5;
    public static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);
    public static final int MAX_NAME = 120;
    public static final int MAX_EMAIL = 254;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final String IDENTITY_ONLY = "Passwords are not used here: sign in with your NHS identity.";

    private final UserAdminRepository users;
    private final CurrentScopeSource scopes;
    private final AuditLog audit;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ServiceAddress address;
    private final SignInSettings signIn;
    private final SecureRandom random = new SecureRandom();

    UserAdminService(UserAdminRepository users, CurrentScopeSource scopes, AuditLog audit, Mailer mailer,
                     PasswordEncoder passwords, Clock clock, ServiceAddress address, SignInSettings signIn) {
        this.signIn = signIn;
        this.users = users;
        this.scopes = scopes;
        this.audit = audit;
        this.mailer = mailer;
        this.passwords = passwords;
        this.clock = clock;
        this.address = address;
    }

    // Reading

    /** A page of the users the admin's scope covers, by name, with the roles they can see. */
    @Transactional(readOnly = true)
    public List<ManagedUser> users(UserFilter filter, int offset, int limit) {
        var scope = adminScope();
        var now = clock.instant();
        var rows = users.findUsers(filter == null ? UserFilter.none() : filter, regionOf(scope), now, offset, limit);
        var assignments = users.findAssignments(rows.stream().map(UserAdminRepository.UserRow::id).toList(),
                        regionOf(scope)).stream()
                .collect(Collectors.groupingBy(UserAdminRepository.AssignmentRow::userId));
        return rows.stream().map(row -> toUser(scope, row, assignments.getOrDefault(row.id(), List.of()), now)).toList();
    }

    @Transactional(readOnly = true)
    public int count(UserFilter filter) {
        var scope = adminScope();
        return users.countUsers(filter == null ? UserFilter.none() : filter, regionOf(scope), clock.instant());
    }

    /** One user the admin's scope covers, as {@link #users} shows them. */
    @Transactional(readOnly = true)
    public Optional<ManagedUser> user(long userId) {
        var scope = adminScope();
        var now = clock.instant();
        return users.findUser(userId, regionOf(scope), now)
                .map(row -> toUser(scope, row, users.findAssignments(List.of(userId), regionOf(scope)), now));
    }

    /** The area the admin manages, for example "London region" or "All of England". */
    public String area() {
        return adminScope().assignment().organisationName();
    }

    /** The roles this admin may give: a region admin every role but national admin. */
    public List<Role> assignableRoles() {
        var scope = adminScope();
        return Arrays.stream(Role.values())
                .filter(role -> scope.assignment().level() == ScopeLevel.NATIONAL || role != Role.NATIONAL_ADMIN)
                .toList();
    }

    /** The organisations this admin may give the role at, by name. */
    @Transactional(readOnly = true)
    public List<AssignmentTarget> organisationsFor(Role role) {
        var scope = adminScope();
        if (role == null || !assignableRoles().contains(role)) {
            return List.of();
        }
        return users.findTargets(role.level(), regionOf(scope));
    }

    // Changing

    /**
     * Creates an account for the email address with its first role, and emails the person a
     * single-use link, valid for {@link #INVITATION_VALID_FOR}, to set their password. When the
     * email cannot be sent, nothing is saved.
     */
    public ManagedUser invite(InvitationDraft draft) {
        var scope = adminScope();
        var email = draft.email() == null ? "" : draft.email().strip().toLowerCase(Locale.UK);
        var name = draft.displayName() == null ? "" : draft.displayName().strip().replaceAll("\\s+", " ");
        var errors = new AdminProblem.Errors();
        if (email.isEmpty()) {
            errors.add("email", "Enter the email address of the person to invite.");
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.add("email", "Enter an email address in the correct format, like name@nhs.net.");
        } else if (users.emailVisible(email)) {
            errors.add("email", "There is already an account for " + email
                    + ". Find it in the list of users and add a role to it instead.");
        }
        if (name.isEmpty()) {
            errors.add("name", "Enter the person's full name.");
        } else if (name.length() > MAX_NAME) {
            errors.add("name", "Keep the name to " + MAX_NAME + " characters or fewer.");
        }
        var target = checkedTarget(scope, draft.role(), draft.organisation(), errors);
        errors.refuseIfAny();
        Long homeRegion = scope.assignment().level() == ScopeLevel.REGION ? scope.assignment().regionId() : target.regionId();
        long userId;
        try {
            userId = users.insertUser(email, name, homeRegion);
        } catch (DataIntegrityViolationException taken) {
            throw new AdminProblem.Invalid("email", "There is already an account for " + email
                    + ", managed by another region. Ask a national admin to give it a role in yours.");
        }
        long assignmentId = users.insertAssignment(userId, draft.role(), target);
        var expires = clock.instant().plus(INVITATION_VALID_FOR);
        var token = newToken();
        users.insertInvitation(userId, hash(token), expires, scope.userId());

        var invited = new LinkedHashMap<String, Object>();
        invited.put("email", email);
        invited.put("name", name);
        invited.put("role", draft.role().name());
        invited.put("organisation", target.label());
        invited.put("linkExpires", expires.toString());
        audit.recordFor(target.trustId(), "USER_INVITED", "app_user", userId, null, invited);
        audit.recordFor(target.trustId(), "ROLE_ASSIGNED", "role_assignment", assignmentId, null,
                assignmentValue(email, draft.role(), target.label()));

        send(email, "You are invited to Digital Strategy Check",
                invitationText(scope, email, name, draft.role(), target.label(), token, expires));
        return user(userId).orElseThrow();
    }

    /** Gives a user the role at an organisation within the admin's scope. */
    public UserAssignment assign(long userId, Role role, AssignmentTarget organisation) {
        var scope = adminScope();
        var user = visibleUser(scope, userId);
        var errors = new AdminProblem.Errors();
        var target = checkedTarget(scope, role, organisation, errors);
        errors.refuseIfAny();
        if (users.holds(userId, role, target)) {
            throw new AdminProblem(user.displayName() + " is already " + withArticle(role) + " at "
                    + target.label() + ".");
        }
        long assignmentId = users.insertAssignment(userId, role, target);
        audit.recordFor(target.trustId(), "ROLE_ASSIGNED", "role_assignment", assignmentId, null,
                assignmentValue(user.email(), role, target.label()));
        return new UserAssignment(assignmentId, role, target.label());
    }

    /** Takes a role away from a user; a region admin only the roles in their region. */
    public void removeAssignment(long userId, long assignmentId) {
        var scope = adminScope();
        var user = visibleUser(scope, userId);
        var assignment = users.findAssignment(assignmentId, regionOf(scope))
                .filter(a -> a.userId() == userId)
                .orElseThrow(() -> new AdminProblem("That role has already been removed. The list now shows "
                        + user.displayName() + "'s current roles."));
        if (assignment.role() == Role.NATIONAL_ADMIN && scope.assignment().level() != ScopeLevel.NATIONAL) {
            throw new AccessDeniedException("Only a national admin can remove a national admin");
        }
        if (assignment.id() == scope.assignment().id()) {
            throw new AdminProblem("You cannot remove the role you are using now. Ask another admin to do it.");
        }
        if (!users.deleteAssignment(assignmentId)) {
            throw new AccessDeniedException("Not a role assignment in your scope");
        }
        audit.recordFor(assignment.trustId(), "ROLE_REMOVED", "role_assignment", assignmentId,
                assignmentValue(user.email(), assignment.role(), assignment.organisation()), null);
    }

    /** Stops the user signing in (and ends what their open sessions can see). */
    public void disable(long userId) {
        var scope = adminScope();
        var user = managedUser(scope, userId);
        if (user.id() == scope.userId()) {
            throw new AdminProblem("You cannot disable your own account.");
        }
        if (user.status() == UserStatus.DISABLED) {
            throw new AdminProblem(user.displayName() + "'s account is already disabled.");
        }
        users.setEnabled(userId, false);
        audit.record("USER_DISABLED", "app_user", userId, statusValue(user.email(), user.status()),
                statusValue(user.email(), UserStatus.DISABLED));
    }

    public void enable(long userId) {
        var scope = adminScope();
        var user = managedUser(scope, userId);
        if (user.status() != UserStatus.DISABLED) {
            throw new AdminProblem(user.displayName() + "'s account is not disabled.");
        }
        users.setEnabled(userId, true);
        var after = users.findUser(userId, regionOf(scope), clock.instant()).orElseThrow();
        audit.record("USER_ENABLED", "app_user", userId, statusValue(user.email(), UserStatus.DISABLED),
                statusValue(user.email(), after.status()));
    }

    /** Clears failed sign-ins and any lock, so the user can sign in again straight away. */
    public void unlock(long userId) {
        var scope = adminScope();
        var user = managedUser(scope, userId);
        if (!unlockable(user, clock.instant())) {
            throw new AdminProblem(user.displayName() + "'s account is not locked.");
        }
        users.unlock(userId);
        var before = new LinkedHashMap<String, Object>();
        before.put("email", user.email());
        before.put("failedSignIns", user.failedSignIns());
        before.put("lockedUntil", user.lockedUntil() == null ? null : user.lockedUntil().toString());
        var after = new LinkedHashMap<String, Object>();
        after.put("email", user.email());
        after.put("failedSignIns", 0);
        after.put("lockedUntil", null);
        audit.record("ACCOUNT_UNLOCKED", "app_user", userId, before, after);
    }

    /** Sends an invited user a new link; older links stop working. */
    public void resendInvitation(long userId) {
        var scope = adminScope();
        var user = managedUser(scope, userId);
        if (user.status() != UserStatus.INVITED) {
            throw new AdminProblem(user.status() == UserStatus.DISABLED
                    ? user.displayName() + "'s account is disabled. Enable it before sending a new invitation."
                    : user.displayName() + " has already set up their account, so needs no invitation.");
        }
        users.retireInvitations(userId, clock.instant());
        var expires = clock.instant().plus(INVITATION_VALID_FOR);
        var token = newToken();
        users.insertInvitation(userId, hash(token), expires, scope.userId());
        var roles = users.findAssignments(List.of(userId), regionOf(scope));
        var role = roles.isEmpty() ? null : roles.get(0);
        var after = new LinkedHashMap<String, Object>();
        after.put("email", user.email());
        after.put("linkExpires", expires.toString());
        audit.record("INVITATION_SENT", "app_user", userId, null, after);
        send(user.email(), "You are invited to Digital Strategy Check",
                invitationText(scope, user.email(), user.displayName(), role == null ? null : role.role(),
                        role == null ? null : role.organisation(), token, expires));
    }

    // Activation: no scope; the token is the proof.

    /** Whose invitation the link's token is, and whether it can still be used. */
    @Transactional(readOnly = true)
    public InvitationCheck checkInvitation(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return InvitationCheck.unknown();
        }
        return users.findInvitation(hash(token)).map(row -> {
            InvitationCheck.State state;
            if (row.usedAt() != null) {
                state = InvitationCheck.State.USED;
            } else if (!row.expiresAt().isAfter(clock.instant())) {
                state = InvitationCheck.State.EXPIRED;
            } else if (!row.enabled()) {
                state = InvitationCheck.State.DISABLED;
            } else {
                state = InvitationCheck.State.VALID;
            }
            return new InvitationCheck(state, row.email(), row.displayName(), row.expiresAt());
        }).orElseGet(InvitationCheck::unknown);
    }

    /**
     * Sets the invitee's password, once: the link cannot be used again. The password must meet
     * {@link PasswordPolicy} and match its confirmation.
     */
    public void activate(String token, String password, String confirmation) {
        if (!signIn.password()) {
            throw new AdminProblem(IDENTITY_ONLY);
        }
        var invitation = checkInvitation(token);
        if (invitation.state() != InvitationCheck.State.VALID) {
            throw new AdminProblem(invitation.state().explanation());
        }
        var errors = new AdminProblem.Errors();
        PasswordPolicy.problem(password, invitation.email()).ifPresent(problem -> errors.add("password", problem));
        if (confirmation == null || confirmation.isEmpty()) {
            errors.add("confirmation", "Type your new password again.");
        } else if (!confirmation.equals(password)) {
            errors.add("confirmation", "The passwords do not match. Type the same password in both boxes.");
        }
        errors.refuseIfAny();
        var outcome = users.activate(hash(token), passwords.encode(password), clock.instant());
        if (!"ACTIVATED".equals(outcome)) {
            throw new AdminProblem(InvitationCheck.State.valueOf(outcome).explanation());
        }
    }

    /**
     * Whether invitees choose a password. Where password sign-in is off, they sign in with the
     * identity provider instead, and their first sign-in links their account.
     */
    public boolean passwordSignIn() {
        return signIn.password();
    }

    /** What an invitee is told where password sign-in is off, in the invitation and on its page. */
    public String identitySignInInstructions(String email) {
        return "There is no password to set: sign in with your " + signIn.identityProvider().displayName()
                + " at " + address.link("/login") + ", using the email address " + email + ". The first time you "
                + "sign in, your account is linked to your identity.";
    }

    // Helpers

    private CurrentScope adminScope() {
        var scope = scopes.require();
        var level = scope.assignment().level();
        if (level != ScopeLevel.REGION && level != ScopeLevel.NATIONAL) {
            throw new AccessDeniedException("Only admins manage users");
        }
        return scope;
    }

    /** The region admin's region; null for a national admin, whose scope is everything. */
    private static Long regionOf(CurrentScope scope) {
        return scope.assignment().level() == ScopeLevel.REGION ? scope.assignment().regionId() : null;
    }

    private UserAdminRepository.UserRow visibleUser(CurrentScope scope, long userId) {
        return users.findUser(userId, regionOf(scope), clock.instant())
                .orElseThrow(() -> new AccessDeniedException("Not a user in your scope"));
    }

    /** A user whose account the admin may change: for a region admin, one whose home region is theirs. */
    private UserAdminRepository.UserRow managedUser(CurrentScope scope, long userId) {
        var user = visibleUser(scope, userId);
        if (!manages(scope, user)) {
            throw new AccessDeniedException("That user is managed by another region's admins");
        }
        return user;
    }

    /** A national admin manages everyone; a region admin their region's users, but nobody with a national role. */
    private boolean manages(CurrentScope scope, UserAdminRepository.UserRow user) {
        return scope.assignment().level() == ScopeLevel.NATIONAL
                || (scope.assignment().regionId().equals(user.homeRegionId()) && !users.holdsNationalRole(user.id()));
    }

    /**
     * The organisation, read again within the admin's scope, provided the role may be given there;
     * null, with the errors added, when the role or organisation is missing or they do not fit.
     */
    private AssignmentTarget checkedTarget(CurrentScope scope, Role role, AssignmentTarget organisation,
                                           AdminProblem.Errors errors) {
        if (role == null) {
            errors.add("role", "Choose a role.");
        } else if (!assignableRoles().contains(role)) {
            throw new AccessDeniedException("Only a national admin can make someone a national admin");
        }
        if (organisation == null) {
            errors.add("organisation", "Choose the organisation the role is for.");
        } else if (role != null && organisation.level() != role.level()) {
            var article = withArticle(role);
            errors.add("organisation", Character.toUpperCase(article.charAt(0))
                    + article.substring(1) + " needs "
                    + switch (role.level()) {
                        case TRUST -> "a trust";
                        case ICS -> "an ICS";
                        case REGION -> "a region";
                        case NATIONAL -> "all of England";
                    } + ". Choose one from the list.");
        }
        if (role == null || organisation == null || organisation.level() != role.level()) {
            return null;
        }
        if (role.level() == ScopeLevel.NATIONAL) {
            return AssignmentTarget.ENGLAND;
        }
        return users.findTarget(role.level(), organisation.id(), regionOf(scope))
                .orElseThrow(() -> new AccessDeniedException("That organisation is not in your scope"));
    }

    private ManagedUser toUser(CurrentScope scope, UserAdminRepository.UserRow row,
                               List<UserAdminRepository.AssignmentRow> assignments, Instant now) {
        return new ManagedUser(row.id(), row.email(), row.displayName(), row.status(), manages(scope, row),
                row.homeRegionName(), unlockable(row, now), row.lockedUntil(), row.invitationExpires(),
                row.id() == scope.userId(),
                assignments.stream().map(a -> new UserAssignment(a.id(), a.role(), a.organisation())).toList());
    }

    private static boolean unlockable(UserAdminRepository.UserRow user, Instant now) {
        return user.status() != UserStatus.DISABLED && user.status() != UserStatus.INVITED
                && ((user.lockedUntil() != null && user.lockedUntil().isAfter(now)) || user.failedSignIns() >= LOCK_AFTER);
    }

    private static Map<String, Object> assignmentValue(String email, Role role, String organisation) {
        var value = new LinkedHashMap<String, Object>();
        value.put("user", email);
        value.put("role", role.name());
        value.put("organisation", organisation);
        return value;
    }

    private static Map<String, Object> statusValue(String email, UserStatus status) {
        var value = new LinkedHashMap<String, Object>();
        value.put("email", email);
        value.put("status", status.name());
        return value;
    }

    /** "a trust editor", "an ICS leader". */
    private static String withArticle(Role role) {
        var label = role.label();
        if (label.length() > 1 && !Character.isUpperCase(label.charAt(1))) {
            label = Character.toLowerCase(label.charAt(0)) + label.substring(1);
        }
        return ("aeiouAEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    private void send(String to, String subject, String body) {
        try {
            mailer.send(List.of(to), subject, body);
        } catch (MailException failed) {
            throw new AdminProblem("The invitation email to " + to + " could not be sent, so nothing was "
                    + "saved. Try again in a few minutes; if it keeps failing, tell the service desk.");
        }
    }

    private String invitationText(CurrentScope scope, String email, String name, Role role, String organisation,
                                  String token, Instant expires) {
        var text = new StringBuilder();
        text.append("Dear ").append(name).append(",\n\n");
        text.append(scope.userName()).append(" has invited you to use Digital Strategy Check, where NHS trusts assess "
                + "their digital strategy.");
        if (role != null) {
            text.append(" You will be ").append(withArticle(role)).append(" at ").append(organisation).append('.');
        }
        if (!signIn.password()) {
            text.append("\n\n").append(identitySignInInstructions(email)).append("\n\n");
            text.append("If you were not expecting this invitation, you can ignore this email.\n\n"
                    + "Digital Strategy Check\n");
            return text.toString();
        }
        text.append("\n\nTo set your password and start, go to:\n\n");
        text.append(address.link("/activate/" + token)).append("\n\n");
        text.append("The link works once, until ").append(Dates.dateTime(expires)).append(". If it has expired, ask ")
                .append(scope.userName()).append(" (").append(scope.userEmail()).append(") for a new one.\n\n");
        text.append("Your password must be:\n");
        PasswordPolicy.RULES.forEach(rule -> text.append("- ").append(rule).append('\n'));
        text.append('\n').append(PasswordPolicy.ALLOWED).append("\n\n");
        text.append("If you were not expecting this invitation, you can ignore this email.\n\n"
                + "Digital Strategy Check\n");
        return text.toString();
    }

    private String newToken() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hex SHA-256 of the token: what the database keeps instead of the token. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
