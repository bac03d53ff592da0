package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.util.Optional;
import uk.nhs.strategycheck.assessment.Rag;
import uk.nhs.strategycheck.assessment.Rating;

/** A score with its RAG rating, in words and colour, never colour alone. */
public class RagBadge extends Span {

    public RagBadge(Optional<BigDecimal> score) {
        addClassName("rag");
        show(score);
    }

    /** A characteristic's rating: its score and RAG once all its statements are scored, until then how many are. */
    public static RagBadge of(Rating rating) {
        var badge = new RagBadge(Optional.empty());
        badge.show(rating);
        return badge;
    }

    /** The change between two scores as people read it: "+0.5", "-0.3" or "No change"; "-" when one is missing. */
    public static String change(Optional<BigDecimal> now, Optional<BigDecimal> before) {
        if (now.isEmpty() || before.isEmpty()) {
            return "-";
        }
        var difference = now.get().subtract(before.get());
        return difference.signum() > 0 ? "+" + difference.toPlainString()
                : difference.signum() == 0 ? "No change" : difference.toPlainString();
    }

    public final void show(Rating rating) {
        show(rating.score());
        if (!rating.rated()) {
            setText(rating.notRatedText());
        }
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
