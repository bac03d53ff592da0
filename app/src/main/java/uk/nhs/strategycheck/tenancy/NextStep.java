package uk.nhs.strategycheck.tenancy;

import java.util.List;
import java.util.Optional;

/** What the user should do next, said in a sentence or two, with the one link that does it. */
public record NextStep(String title, List<String> lines, Optional<Link> action) {

    static NextStep of(String title, Link action, String... lines) {
        return new NextStep(title, List.of(lines), Optional.ofNullable(action));
    }
}
