package uk.nhs.strategycheck.benchmark.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import uk.nhs.strategycheck.assessment.ui.RagBadge;
import uk.nhs.strategycheck.reporting.MedianFigure;
import uk.nhs.strategycheck.reporting.Scores;

/** A median with its RAG rating and the number of trusts it is over, or why it is not shown. */
class MedianBadge extends Span {

    MedianBadge(MedianFigure median, boolean smallGroupsShown) {
        addClassName("median");
        if (median.shown(smallGroupsShown)) {
            var over = new Span(" (" + Scores.trusts(median.trusts()) + ")");
            over.addClassName("median-trusts");
            add(new RagBadge(Optional.of(median.value())), over);
        } else {
            setText(Scores.whyNotShown(smallGroupsShown));
            addClassName("median-withheld");
        }
    }
}
