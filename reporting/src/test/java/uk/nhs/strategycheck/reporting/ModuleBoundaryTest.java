package uk.nhs.strategycheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The reporting module takes plain data and knows nothing of the application's frameworks (DESIGN.md). */
class ModuleBoundaryTest {

    @Test
    void mainCodeImportsNoSpringJooqOrVaadin() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src", "main"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".jrxml"))
                    .filter(f -> {
                        try {
                            String s = Files.readString(f);
                            return s.contains("org.springframework") || s.contains("org.jooq") || s.contains("com.vaadin");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
        assertThat(Files.readString(Path.of("pom.xml"))).doesNotContain("spring-boot-starter").doesNotContain("jooq").doesNotContain("vaadin");
    }
}
