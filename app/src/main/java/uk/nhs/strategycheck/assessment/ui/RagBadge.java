package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.util.Optional;
import uk.nhs.strategycheck.assessment.Rag;

/** A score with its RAG rating, in words and colour, never colour alone. */
public class RagBadge extends Span {

    public RagBadge(Optional<BigDecimal> score) {
        addClassName("rag");
        show(score);
    }

    public final void show(Optional<BigDecimal> score) {
        removeClassNames("rag-red", "rag-amber", "rag-green", "rag-none");
        if (score.isEmpty()) {
            setText("Not scored");
            addClassName("rag-none");
            return;
        }
        var rag = Rag.of(score.get());
        setText(score.get().toPlainString() + " " + rag.label());
        addClassName("rag-" + rag.name().toLowerCase());
    }
}
