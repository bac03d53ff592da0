package uk.nhs.strategycheck.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import uk.nhs.strategycheck.tenancy.ScopeAssignment;

/**
 * The principal of a signed-in user: all their role assignments, and the one they are
 * acting in. Authorities come from the active assignment only, so a user who is a viewer
 * here and an ICS leader there has the ICS leader's views only while acting as one.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final String email;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final Instant lockedUntil;
    private final List<ScopeAssignment> assignments;
    private final ScopeAssignment active;

    SignedInUser(long id, String email, String displayName, String passwordHash, boolean enabled,
                 Instant lockedUntil, List<ScopeAssignment> assignments, ScopeAssignment active) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.assignments = List.copyOf(assignments);
        this.active = active;
    }

    /** The same user acting in another of their assignments. */
    SignedInUser actingAs(long assignmentId) {
        var chosen = assignments.stream().filter(a -> a.id() == assignmentId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not one of this user's role assignments"));
        return new SignedInUser(id, email, displayName, null, enabled, lockedUntil, assignments, chosen);
    }

    /**
     * The same user with their role assignments as they are now: organisations move, merge and
     * close, and roles end. Keeps acting in the same assignment if it still holds.
     */
    SignedInUser withAssignments(List<ScopeAssignment> current) {
        var stillActive = active == null ? null
                : current.stream().filter(a -> a.id() == active.id()).findFirst().orElse(null);
        return new SignedInUser(id, email, displayName, null, enabled, lockedUntil, current,
                stillActive != null ? stillActive : current.isEmpty() ? null : current.get(0));
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

    public List<ScopeAssignment> assignments() {
        return assignments;
    }

    public Optional<ScopeAssignment> active() {
        return Optional.ofNullable(active);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return active == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + active.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
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
