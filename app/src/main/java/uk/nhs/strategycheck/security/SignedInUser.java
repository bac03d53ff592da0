package uk.nhs.strategycheck.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import uk.nhs.strategycheck.tenancy.ScopeAssignment;

/**
 * The principal of a signed-in user: all their role assignments, and the one they are
 * acting in. Authorities come from the active assignment only, so a user who is a viewer
 * here and an ICS leader there has the ICS leader's views only while acting as one.
 */
public final class SignedInUser implements UserDetails {

    private final long id;
    /** The only authority of a user who has yet to give their second factor. */
    public static final String SECOND_FACTOR_AUTHORITY = "ROLE_SECOND_FACTOR_PENDING";

    private final String email;
    private final String displayName;
    // Issued by the database at sign-in; every transaction presents it to enter a scope.
    private final String scopeToken;
    private final List<ScopeAssignment> assignments;
    private final ScopeAssignment active;
    private final boolean awaitingSecondFactor;
    // The identity provider's ID token, when the user signed in through one: signing out hands it
    // back to the provider to end the provider's session too. Null after a password sign-in.
    private final OidcIdToken identityToken;

    SignedInUser(long id, String email, String displayName, String scopeToken, List<ScopeAssignment> assignments,
                 ScopeAssignment active) {
        this(id, email, displayName, scopeToken, assignments, active, false, null);
    }

    private SignedInUser(long id, String email, String displayName, String scopeToken,
                         List<ScopeAssignment> assignments, ScopeAssignment active, boolean awaitingSecondFactor,
                         OidcIdToken identityToken) {
        this.id = id;
        this.identityToken = identityToken;
        this.email = email;
        this.displayName = displayName;
        this.scopeToken = scopeToken;
        this.awaitingSecondFactor = awaitingSecondFactor;
        this.assignments = List.copyOf(assignments);
        this.active = active;
    }

    /** An admin who gave the right password and has yet to give their one-time code: no roles yet. */
    static SignedInUser awaitingSecondFactor(long id, String email, String displayName, String scopeToken) {
        return new SignedInUser(id, email, displayName, scopeToken, List.of(), null, true, null);
    }

    /** The same user, signed in through an identity provider that issued this ID token. */
    SignedInUser signedInWith(OidcIdToken token) {
        return new SignedInUser(id, email, displayName, scopeToken, assignments, active, awaitingSecondFactor, token);
    }

    public Optional<OidcIdToken> identityToken() {
        return Optional.ofNullable(identityToken);
    }

    public boolean awaitingSecondFactor() {
        return awaitingSecondFactor;
    }

    /** The same user acting in another of their assignments. */
    SignedInUser actingAs(long assignmentId) {
        var chosen = assignments.stream().filter(a -> a.id() == assignmentId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not one of this user's role assignments"));
        return new SignedInUser(id, email, displayName, scopeToken, assignments, chosen, false, identityToken);
    }

    /**
     * The same user with their role assignments as they are now: organisations move, merge and
     * close, and roles end. Keeps acting in the same assignment if it still holds.
     */
    SignedInUser withAssignments(List<ScopeAssignment> current) {
        var stillActive = active == null ? null
                : current.stream().filter(a -> a.id() == active.id()).findFirst().orElse(null);
        return new SignedInUser(id, email, displayName, scopeToken, current,
                stillActive != null ? stillActive : current.isEmpty() ? null : current.get(0), false, identityToken);
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    String scopeToken() {
        return scopeToken;
    }

    public List<ScopeAssignment> assignments() {
        return assignments;
    }

    public Optional<ScopeAssignment> active() {
        return Optional.ofNullable(active);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (awaitingSecondFactor) {
            return List.of(new SimpleGrantedAuthority(SECOND_FACTOR_AUTHORITY));
        }
        return active == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + active.role().name()));
    }

    // The password never leaves the database.
    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return email;
    }


    // One session per user and principal: equality by user id lets Spring Security's session
    // registry and Vaadin treat a re-signed-in user as the same person.
    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "SignedInUser[" + email + "]";
    }
}
