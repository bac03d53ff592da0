package uk.nhs.strategycheck.tenancy;

import java.util.Optional;

/** Where the active scope of the current request comes from (the security feature). */
public interface CurrentScopeSource {

    Optional<CurrentScope> current();

    default CurrentScope require() {
        return current().orElseThrow(() ->
                new org.springframework.security.access.AccessDeniedException("No active scope"));
    }
}
