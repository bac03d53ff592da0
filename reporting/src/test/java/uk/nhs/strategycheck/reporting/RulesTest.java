package uk.nhs.strategycheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules the reports print: RAG boundaries, rounding, change and who needs support. */
class RulesTest {

    @Test
    void ragFollowsTheFrameworkBoundaries() {
        assertThat(Fmt.rag(new BigDecimal("1.0"))).isEqualTo("Red");
        assertThat(Fmt.rag(new BigDecimal("2.4"))).isEqualTo("Red");
        // The rating is of the score as printed, one decimal: 2.44 prints 2.4 (red), 2.45 prints 2.5 (amber).
        assertThat(Fmt.rag(new BigDecimal("2.44"))).isEqualTo("Red");
        assertThat(Fmt.rag(new BigDecimal("2.45"))).isEqualTo("Amber");
        assertThat(Fmt.rag(new BigDecimal("2.5"))).isEqualTo("Amber");
        assertThat(Fmt.rag(new BigDecimal("3.4"))).isEqualTo("Amber");
        assertThat(Fmt.rag(new BigDecimal("3.5"))).isEqualTo("Green");
        assertThat(Fmt.rag(new BigDecimal("5.0"))).isEqualTo("Green");
        assertThat(Fmt.rag(null)).isNull();
    }

    @Test
    void scoresPrintToOneDecimalAndNullsInWords() {
        assertThat(Fmt.score(new BigDecimal("3.8"), "x")).isEqualTo("3.8");
        assertThat(Fmt.score(new BigDecimal("4"), "x")).isEqualTo("4.0");
        assertThat(Fmt.score(new BigDecimal("3.75"), "x")).isEqualTo("3.8");
        assertThat(Fmt.scoreWithRag(new BigDecimal("2.3"), "x")).isEqualTo("2.3 Red");
        assertThat(Fmt.scoreWithRag(null, Fmt.NOT_SCORED)).isEqualTo("Not scored");
    }

    @Test
    void oneRoundingRuleHalfUpToOneDecimal() {
        assertThat(Scores.format(new BigDecimal("4.05"))).isEqualTo("4.1");
        assertThat(Scores.format(new BigDecimal("4.04999"))).isEqualTo("4.0");
        assertThat(Scores.format(new BigDecimal("2.75"))).isEqualTo("2.8");
        assertThat(Scores.format(new BigDecimal("3"))).isEqualTo("3.0");
        assertThat(new MedianFigure(new BigDecimal("3.25"), 4).value()).isEqualByComparingTo("3.3");
    }

    @Test
    void aMedianSaysHowManyTrustsItIsOverOrWhyItIsWithheld() {
        assertThat(Scores.median(new MedianFigure(new BigDecimal("4.1"), 5), false)).isEqualTo("4.1 (5 trusts)");
        assertThat(Scores.median(new MedianFigure(new BigDecimal("4.1"), 3), false)).isEqualTo("4.1 (3 trusts)");
        // Two trusts: withheld in anything that may leave the ICS, shown to the ICS leader on screen.
        assertThat(Scores.median(new MedianFigure(new BigDecimal("4.1"), 2), false)).isEqualTo("Withheld: fewer than 3 trusts");
        assertThat(Scores.median(new MedianFigure(new BigDecimal("4.1"), 1), true)).isEqualTo("4.1 (1 trust)");
        assertThat(Scores.median(MedianFigure.NONE, true)).isEqualTo("No approved assessments");
        assertThat(Scores.median(MedianFigure.NONE, false)).isEqualTo("Withheld: fewer than 3 trusts");
        assertThat(Scores.trustsOver(List.of(new MedianFigure(BigDecimal.ONE, 4), new MedianFigure(BigDecimal.ONE, 4))))
                .isEqualTo("4 trusts");
        assertThat(Scores.trustsOver(List.of(new MedianFigure(BigDecimal.ONE, 4), new MedianFigure(BigDecimal.ONE, 5))))
                .isEqualTo("4 to 5 trusts");
    }

    @Test
    void changeSinceLastCycle() {
        assertThat(Fmt.change(new BigDecimal("3.8"), new BigDecimal("3.4"))).isEqualTo("+0.4");
        assertThat(Fmt.change(new BigDecimal("2.6"), new BigDecimal("2.9"))).isEqualTo("-0.3");
        assertThat(Fmt.change(new BigDecimal("2.3"), new BigDecimal("2.3"))).isEqualTo("No change");
        assertThat(Fmt.change(new BigDecimal("2.3"), null)).isEqualTo("No previous score");
        assertThat(Fmt.change(null, new BigDecimal("2.3"))).isEqualTo("Not scored");
    }

    @Test
    void datesAreWrittenOutTheBritishWay() {
        assertThat(Fmt.date(Fixtures.GENERATED)).isEqualTo("25 November 2026");
    }

    @Test
    void trustsNeedSupportWithAnyRedOrNoApprovedAssessment() {
        BoardPackData d = Fixtures.boardPack();
        List<String> support = BoardPackModel.needingSupport(d.trusts(), d.characteristics());
        assertThat(support).hasSize(5);
        assertThat(support).noneMatch(s -> s.startsWith("The Newcastle upon Tyne"));
        assertThat(support).anyMatch(s -> s.startsWith("Isle of Wight NHS Trust: no approved assessment"));
    }

    @Test
    void boardPackRowsComeInSectionOrder() {
        Rows.Model m = BoardPackModel.build(Fixtures.boardPack());
        assertThat(m.title()).isEqualTo("South East London ICS board pack 2026/27");
        assertThat(m.rows().stream().map(r -> String.valueOf(r.get("section"))).toList()).startsWith("cover", "summary", "heatmap", "documents", "chart").endsWith("profile", "unscored", "methodology");
        assertThat(m.params()).containsEntry("SUBMISSION", "4 of 6 member trusts submitted, 3 approved");
    }
}
