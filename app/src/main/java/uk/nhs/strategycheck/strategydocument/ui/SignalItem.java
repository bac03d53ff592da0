package uk.nhs.strategycheck.strategydocument.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import uk.nhs.strategycheck.strategydocument.DocumentFacts;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;

/** One signal in a list: good or bad in words (never by colour alone), its code, and the quote with its page. */
public class SignalItem extends ListItem {

    public SignalItem(DocumentAnalysis.Signal signal) {
        addClassName("signal");
        var sign = new Span(DocumentFacts.sign(signal) + " (" + signal.code() + ")");
        sign.addClassName(signal.sign() == DocumentAnalysis.Sign.GOOD ? "signal-good" : "signal-bad");
        var quote = new Paragraph("\u201c" + signal.quote() + "\u201d, page " + signal.page());
        quote.addClassName("signal-quote");
        add(sign, quote);
    }
}
