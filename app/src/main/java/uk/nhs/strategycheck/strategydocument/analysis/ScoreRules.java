package uk.nhs.strategycheck.strategydocument.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.CharacteristicFinding;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Foreword;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Horizon;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Sign;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;

/**
 * The suggested score of each characteristic: it starts at 3, the middle of the scale, and each
 * rule that applies moves it by one, written out so that anyone can check it ("Starts at 3;
 * +1 foreword signed by the chief executive (L1): 4"). Kept between 1 and 5.
 */
final class ScoreRules {

    static final int START = 3;

    /** Everything the rules look at. */
    record Evidence(List<Signal> signals, Foreword foreword, Horizon horizon, int priorities,
                    boolean basicsInPriorities, boolean emergingBeforeBasics, double vaguePerThousand) {

        long count(String code, Sign sign) {
            return signals.stream().filter(s -> s.code().equals(code) && s.sign() == sign).count();
        }

        boolean has(String code, Sign sign) {
            return count(code, sign) > 0;
        }
    }

    private ScoreRules() {
    }

    static Map<String, CharacteristicFinding> score(Evidence evidence) {
        Map<String, CharacteristicFinding> findings = new LinkedHashMap<>();
        for (String characteristic : DocumentAnalysis.CHARACTERISTICS) {
            Score score = new Score();
            switch (characteristic) {
                case "LEADERSHIP" -> leadership(evidence, score);
                case "CONTEXT" -> context(evidence, score);
                case "BASICS" -> basics(evidence, score);
                case "CLARITY" -> clarity(evidence, score);
                case "HORIZON" -> horizon(evidence, score);
                case "FOCUS" -> focus(evidence, score);
                case "CULTURE" -> culture(evidence, score);
                default -> throw new IllegalStateException(characteristic);
            }
            List<Signal> signals = evidence.signals().stream()
                    .filter(s -> characteristicOf(s.code()).equals(characteristic)).toList();
            findings.put(characteristic, new CharacteristicFinding(score.value(), score.rule(), signals));
        }
        return findings;
    }

    static String characteristicOf(String code) {
        return switch (code.charAt(0)) {
            case 'L' -> "LEADERSHIP";
            case 'C' -> "CONTEXT";
            case 'B' -> "BASICS";
            case 'K' -> "CLARITY";
            case 'H' -> "HORIZON";
            case 'F' -> "FOCUS";
            case 'U' -> "CULTURE";
            default -> throw new IllegalArgumentException("No characteristic for signal " + code);
        };
    }

    private static void leadership(Evidence evidence, Score score) {
        String role = evidence.foreword().signatoryRole().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (evidence.has("L1", Sign.GOOD)) {
            score.add(+1, "foreword signed by the " + role + " (L1)");
        }
        if (evidence.has("L1", Sign.BAD)) {
            score.add(-1, "foreword signed only by a digital or technology lead (L1)");
        }
        if (evidence.has("L2", Sign.GOOD)) {
            score.add(+1, "the board owns it: approved by, sponsored by or reported to the board (L2)");
        }
        if (evidence.has("L3", Sign.BAD)) {
            score.add(-1, "most priorities are technology rather than outcomes for patients and staff (L3)");
        }
    }

    private static void context(Evidence evidence, Score score) {
        long local = evidence.count("C1", Sign.GOOD);
        if (local >= 3) {
            score.add(+2, local + " passages on its own users, engagement or setting, with numbers (C1)");
        } else if (local >= 1) {
            score.add(+1, local + " passage" + (local == 1 ? "" : "s") + " on its own users or setting (C1)");
        } else {
            score.add(-1, "nothing on its own users or setting with numbers (no C1)");
        }
        if (evidence.has("C2", Sign.BAD)) {
            score.add(-1, "national policy phrases repeated with little local detail (C2)");
        }
    }

    private static void basics(Evidence evidence, Score score) {
        if (evidence.has("B1", Sign.GOOD)) {
            score.add(+1, "names the basics (B1)");
        }
        if (evidence.basicsInPriorities()) {
            score.add(+1, "the basics are among its priorities (B1)");
        }
        if (evidence.has("B2", Sign.BAD)) {
            score.add(-1, "unproven technology ahead of the basics (B2)");
        }
        if (evidence.emergingBeforeBasics()) {
            score.add(-1, "unproven technology comes before the basics in its priorities (B2)");
        }
    }

    private static void clarity(Evidence evidence, Score score) {
        long targets = evidence.count("K1", Sign.GOOD);
        if (targets >= 3) {
            score.add(+2, targets + " measurable targets (K1)");
        } else if (targets >= 1) {
            score.add(+1, targets + " measurable target" + (targets == 1 ? "" : "s") + " (K1)");
        } else {
            score.add(-1, "no measurable target (no K1)");
        }
        if (evidence.has("K2", Sign.BAD)) {
            score.add(-1, String.format(Locale.UK, "vague language: %.1f empty words per thousand, %.0f or more is "
                    + "vague (K2)", evidence.vaguePerThousand(), ClaritySignals.VAGUE_PER_THOUSAND));
        }
    }

    private static void horizon(Evidence evidence, Score score) {
        Horizon horizon = evidence.horizon();
        if (horizon == null) {
            score.add(-1, "no period stated (no H1)");
        } else if (evidence.has("H1", Sign.GOOD)) {
            score.add(+1, "covers " + horizon.from() + " to " + horizon.to() + ", " + horizon.years() + " years (H1)");
        } else {
            score.add(-1, "covers " + horizon.years() + " years, more than " + HorizonSignals.LONGEST_GOOD_YEARS
                    + " (H1)");
        }
        if (evidence.has("H2", Sign.GOOD)) {
            score.add(+1, "says how often it is reviewed (H2)");
        }
    }

    private static void focus(Evidence evidence, Score score) {
        if (evidence.has("F1", Sign.GOOD)) {
            score.add(+1, evidence.priorities() + " priorities, " + FocusSignals.MOST_PRIORITIES + " or fewer (F1)");
        }
        if (evidence.has("F1", Sign.BAD)) {
            score.add(-1, "a wish list: more than " + FocusSignals.MOST_PRIORITIES + " priorities or projects (F1)");
        }
        long exclusions = evidence.count("F2", Sign.GOOD);
        if (exclusions > 0) {
            score.add(+1, "says what it will not do, " + exclusions + " time" + (exclusions == 1 ? "" : "s") + " (F2)");
        }
    }

    private static void culture(Evidence evidence, Score score) {
        long practice = evidence.count("U1", Sign.GOOD);
        if (practice >= 3) {
            score.add(+2, practice + " passages on skills, safety, governance or ways of working (U1)");
        } else if (practice >= 1) {
            score.add(+1, practice + " passage" + (practice == 1 ? "" : "s") + " on skills, safety, governance "
                    + "or ways of working (U1)");
        } else {
            score.add(-1, "nothing on skills, safety, governance or ways of working (no U1)");
        }
    }

    /** A running score and the words that explain it. */
    private static final class Score {
        private int total = START;
        private final List<String> steps = new ArrayList<>();

        void add(int change, String reason) {
            total += change;
            steps.add((change > 0 ? "+" : "") + change + " " + reason);
        }

        int value() {
            return Math.max(1, Math.min(5, total));
        }

        String rule() {
            String rule = "Starts at " + START + (steps.isEmpty() ? "; no signals either way" : "; "
                    + String.join("; ", steps)) + ": " + total;
            return total == value() ? rule : rule + ", kept to " + value();
        }
    }
}
