package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;
import uk.nhs.strategycheck.strategydocument.ui.SignalItem;
import uk.nhs.strategycheck.strategydocument.ui.StrategyDocumentView;

/**
 * What the trust's strategy document shows for one characteristic, beside its statements:
 * each signal quoted with its page. Where answers can be changed, a quote goes into a
 * statement's evidence in one action.
 */
class DocumentSignals extends Section {

    DocumentSignals(String characteristicName, boolean documentUploaded, List<DocumentAnalysis.Signal> signals,
                    List<StatementEditor> editors) {
        addClassName("document-signals");
        var heading = new H2("What your strategy document shows");
        heading.setId("document-signals-heading");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        add(heading);
        if (!documentUploaded) {
            add(new Paragraph(new Span("No strategy document has been checked for this cycle yet. "),
                    new RouterLink("Upload your strategy document", StrategyDocumentView.class)));
            return;
        }
        if (signals.isEmpty()) {
            add(new Paragraph("The document shows no signs for " + characteristicName + ", good or bad. "),
                    new RouterLink("See everything the document shows", StrategyDocumentView.class));
            return;
        }
        var list = new UnorderedList();
        list.addClassName("signal-list");
        for (var signal : signals) {
            list.add(item(signal, editors));
        }
        add(list, new RouterLink("See everything the document shows", StrategyDocumentView.class));
    }

    private static SignalItem item(DocumentAnalysis.Signal signal, List<StatementEditor> editors) {
        var item = new SignalItem(signal);
        if (!editors.isEmpty()) {
            var actions = new Div(new Span("Add this quote to the evidence of: "));
            actions.addClassName("signal-actions");
            for (var editor : editors) {
                var code = editor.statement().code();
                var add = new Button(code, click -> {
                    editor.addToEvidence("\u201c" + signal.quote() + "\u201d (strategy document, page " + signal.page() + ")");
                    click.getSource().setText(code + " added");
                });
                add.addThemeVariants(ButtonVariant.LUMO_SMALL);
                add.setAriaLabel("Add this quote to the evidence of statement " + code);
                actions.add(add);
            }
            item.add(actions);
        }
        return item;
    }
}
