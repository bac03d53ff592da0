package uk.nhs.strategycheck.strategydocument.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.function.Function;
import uk.nhs.strategycheck.shared.ui.CycleChooser;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.strategydocument.DocumentComparison;
import uk.nhs.strategycheck.strategydocument.DocumentFacts;
import uk.nhs.strategycheck.strategydocument.StrategyDocumentService;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;
import uk.nhs.strategycheck.shared.ui.CsvDownload;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

/** The ICS leader's member trusts' strategy documents side by side, with the gaps to their own scores, and as CSV. */
@Route(value = "strategy-documents", layout = MainLayout.class)
@PageTitle("Members' strategy documents - Digital Strategy Check")
@Menu(title = "Strategy documents", order = 22)
@RolesAllowed("ICS_LEADER")
public class DocumentComparisonView extends Main implements BeforeEnterObserver {

    private static final String NONE = "No document uploaded";

    private final StrategyDocumentService documents;

    public DocumentComparisonView(StrategyDocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(Optional.empty());
    }

    private void show(Optional<String> cycleName) {
        removeAll();
        add(new H1("Members' strategy documents"));
        var loaded = documents.compare(cycleName);
        if (loaded.isEmpty()) {
            add(new Paragraph("Your region has no assessment cycles yet."));
            return;
        }
        var comparison = loaded.get();
        add(new Paragraph(comparison.icsName() + ", " + comparison.cycleName() + ". What each member trust's strategy "
                + "document shows: the period it covers, how it is reviewed, how many priorities it names, its measurable "
                + "targets and what it says it will not do, who signs its foreword, and where the trust's own approved "
                + "score is 2 or more points above what its document shows."));

        var grid = new Grid<DocumentComparison.Row>();
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAriaLabel("Member trusts' strategy documents, " + comparison.cycleName());
        var columns = ResponsiveGrid.on(grid);
        columns.addColumn("Trust", DocumentComparison.Row::trustName).setFlexGrow(3).setFrozen(true).setSortable(true);
        columns.addColumn("Document", row -> row.document().map(d -> d.fileName() + ", uploaded " + Dates.date(d.uploadedAt()))
                .orElse(NONE)).setFlexGrow(2);
        columns.addColumn("Period", fact(DocumentFacts::period)).setFlexGrow(2);
        columns.addColumn("Review", fact(DocumentFacts::review)).setFlexGrow(3);
        columns.addColumn("Priorities", fact(a -> String.valueOf(a.priorities().count())));
        columns.addColumn("Measurable targets", fact(a -> String.valueOf(a.targets().size())));
        columns.addColumn("Exclusions", fact(a -> String.valueOf(a.exclusions().size())));
        columns.addColumn("Foreword signed by", fact(DocumentFacts::signatory)).setFlexGrow(2);
        columns.addColumn("Own score 2 or more above the document",
                row -> row.analysis().isEmpty() ? "" : StrategyDocumentService.gapText(row.gaps())).setFlexGrow(3);
        grid.setItems(comparison.trusts());
        grid.setAllRowsVisible(true);

        var download = CsvDownload.link("Download the comparison as CSV",
                CsvDownload.fileName("strategy-documents", comparison.cycleName()),
                () -> documents.comparisonCsv(Optional.of(comparison.cycleName())));
        var filters = new Div(new CycleChooser(comparison.cycleNames(), comparison.cycleName(),
                chosen -> show(Optional.of(chosen))), download);
        filters.addClassName("filters");
        long uploaded = comparison.trusts().stream().filter(r -> r.document().isPresent()).count();
        add(filters, new Paragraph(uploaded + " of " + comparison.trusts().size() + " member trusts "
                + (uploaded == 1 ? "has" : "have") + " a strategy document for this cycle."), grid);
    }

    private static com.vaadin.flow.function.ValueProvider<DocumentComparison.Row, String> fact(
            Function<DocumentAnalysis, String> value) {
        return row -> row.analysis().map(value).orElse("No document");
    }
}
