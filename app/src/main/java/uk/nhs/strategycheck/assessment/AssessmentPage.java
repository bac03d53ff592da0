package uk.nhs.strategycheck.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;
import uk.nhs.strategycheck.tenancy.CycleSummary;

/**
 * Everything the assessment views show: the trust's assessment in the current (or latest)
 * cycle with its answers, actions and history, the framework it is answered against, and
 * the scores of the trust's approved assessment in the previous cycle, and what its current
 * strategy document shows. approvers and editors name the people the next step would e-mail:
 * the trust's approvers when the user can submit, its editors when the user can return it.
 */
public record AssessmentPage(String trustName, Framework framework, CycleSummary cycle, boolean cycleOpen,
                             long assessmentId, AssessmentStatus status, int version,
                             Map<Long, Answer> answers, List<ImprovementAction> actions, List<Transition> history,
                             Optional<String> lastCycleName, Map<Long, Integer> lastScores,
                             Capabilities can, Optional<DocumentAnalysis> strategyDocument,
                             List<String> approvers, List<String> editors) {

    /** What the trust's current strategy document shows for the characteristic: its signals, quoted. */
    public List<DocumentAnalysis.Signal> documentSignals(Framework.Characteristic characteristic) {
        return strategyDocument.map(d -> d.characteristics().get(characteristic.code()))
                .map(DocumentAnalysis.CharacteristicFinding::signals).orElse(List.of());
    }

    public long answeredCount() {
        return answers.values().stream().filter(a -> a.score() != null).count();
    }

    public long answeredCount(Framework.Characteristic characteristic) {
        return characteristic.statements().stream()
                .filter(s -> answers.get(s.id()) != null && answers.get(s.id()).score() != null)
                .count();
    }

    /** The characteristic's rating: a score only once all its statements are scored. */
    public Rating rating(Framework.Characteristic characteristic) {
        return Rating.of(characteristic.statements().stream()
                .map(s -> answers.get(s.id()) == null ? null : answers.get(s.id()).score()).toList());
    }

    /** The characteristic's score, once all its statements are scored. */
    public Optional<java.math.BigDecimal> score(Framework.Characteristic characteristic) {
        return rating(characteristic).score();
    }

    public Optional<java.math.BigDecimal> lastScore(Framework.Characteristic characteristic) {
        return Scores.mean(characteristic.statements().stream().map(s -> lastScores.get(s.id())).toList());
    }

    public List<ImprovementAction> actionsFor(Framework.Characteristic characteristic) {
        return actions.stream().filter(a -> a.characteristicId() == characteristic.id()).toList();
    }
}
