package uk.nhs.strategycheck.assessment;

import java.util.List;

/** A published version of the framework: its characteristics, their statements, the scale. */
public record Framework(long id, int version, List<Characteristic> characteristics, List<ScalePoint> scale) {

    public record Characteristic(long id, int position, String code, String name, String goodSign,
                                 String badSignLabel, String badSign, List<Statement> statements) {
    }

    public record Statement(long id, String code, String text) {
    }

    public record ScalePoint(int score, String label, String meaning) {
    }

    public int statementCount() {
        return characteristics.stream().mapToInt(c -> c.statements().size()).sum();
    }

    public Characteristic characteristic(String code) {
        return characteristics.stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No characteristic " + code));
    }

    public Characteristic characteristicOf(long statementId) {
        return characteristics.stream()
                .filter(c -> c.statements().stream().anyMatch(s -> s.id() == statementId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No statement " + statementId));
    }

    public ScalePoint scalePoint(int score) {
        return scale.stream().filter(p -> p.score() == score).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No scale point " + score));
    }
}
