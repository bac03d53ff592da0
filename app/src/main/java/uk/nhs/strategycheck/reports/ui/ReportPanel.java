package uk.nhs.strategycheck.reports.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.nhs.strategycheck.benchmark.Footprint;
import uk.nhs.strategycheck.reports.ReportService;

/**
 * One kind of report: choose the subject and cycle, prepare the PDF off the UI thread
 * (showing progress, so the page stays usable); the download link appears, and the status line
 * (a live region) announces it, as soon as the PDF is ready, by server push. A panel with one
 * subject (the user's own ICS, trust or country) has its first report prepared ahead when it opens.
 */
class ReportPanel extends Div {

    private static final Logger LOG = LoggerFactory.getLogger(ReportPanel.class);

    private final ReportService reports;
    private final Executor background;
    private final ReportService.Report kind;
    private final Select<ReportService.Choice> subject = new Select<>();
    private final Select<String> cycle = new Select<>();
    private final Select<Footprint> footprint = new Select<>();
    private final Button prepare;
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph status = new Paragraph();
    private final Div result = new Div();

    ReportPanel(ReportService reports, Executor background, ReportService.Report kind, String heading, String description,
                List<ReportService.Choice> choices) {
        this.reports = reports;
        this.background = background;
        this.kind = kind;
        addClassName("report-panel");
        add(new H2(heading), new Paragraph(description));

        subject.setLabel(switch (kind) {
            case NATIONAL_PACK -> "Country";
            case BOARD_PACK -> "Integrated care system";
            case TRUST_REPORT -> "Trust";
        });
        subject.setItems(choices);
        subject.setItemLabelGenerator(ReportService.Choice::name);
        subject.setValue(choices.get(0));
        subject.setVisible(choices.size() > 1);
        cycle.setLabel("Cycle");
        cycle.setItems(choices.get(0).cycles());
        cycle.setValue(choices.get(0).latestCycle());

        footprint.setLabel("Organisations");
        footprint.setItems(Footprint.values());
        footprint.setItemLabelGenerator(Footprint::label);
        footprint.setValue(Footprint.AS_PUBLISHED);
        footprint.setHelperText("For a closed cycle; an open cycle is always today's");
        footprint.setVisible(kind != ReportService.Report.TRUST_REPORT);

        prepare = new Button("Prepare " + kind.label() + " (PDF)", click -> prepare());
        prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", "Preparing the PDF");
        status.getElement().setAttribute("role", "status");
        status.addClassName("report-status");

        var controls = new Div(subject, cycle, footprint, prepare);
        controls.addClassName("filters");
        add(controls, progress, status, result);
        if (choices.size() == 1) {
            // One subject: the report the user came for is all but certain, so it is made while they read.
            var odsCode = subject.getValue().odsCode();
            var cycleName = cycle.getValue();
            var organisations = Optional.ofNullable(footprint.getValue());
            inBackground(() -> {
                reports.prepareAhead(kind, odsCode, cycleName, organisations);
                return null;
            }).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    // The click prepares it again and says if that fails.
                    LOG.debug("Preparing a {} ahead failed", kind, failure);
                }
            });
        }
    }

    /** Work on a report worker, in the user's own scope; with every worker busy and the queue full, a failed future. */
    private <T> CompletableFuture<T> inBackground(Supplier<T> work) {
        var security = SecurityContextHolder.getContext();
        try {
            return CompletableFuture.supplyAsync(() -> {
                SecurityContextHolder.setContext(security);
                try {
                    return work.get();
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }, background);
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.failedFuture(busy);
        }
    }

    private void prepare() {
        var ui = UI.getCurrent();
        var choice = subject.getValue();
        var cycleName = cycle.getValue();
        var organisations = Optional.ofNullable(footprint.getValue());
        prepare.setEnabled(false);
        progress.setVisible(true);
        result.removeAll();
        status.setText("Preparing the " + kind.label() + " for " + choice.name() + ", " + cycleName + "...");
        inBackground(() -> reports.prepare(kind, choice.odsCode(), cycleName, organisations))
                .whenComplete((pdf, failure) -> ui.access(() -> show(choice, cycleName, pdf, failure)));
    }

    /** The prepared PDF's download link, or what went wrong; the button is usable again either way. */
    private void show(ReportService.Choice choice, String cycleName, byte[] pdf, Throwable failure) {
        prepare.setEnabled(true);
        progress.setVisible(false);
        if (failure != null) {
            LOG.error("Preparing a {} failed", kind, failure);
            status.setText("The report could not be prepared. Please try again; if it fails again, tell the "
                    + "service desk the time it happened.");
            return;
        }
        var fileName = kind.fileName(choice.odsCode(), cycleName);
        status.setText("Ready: " + kind.label() + " for " + choice.name() + ", " + cycleName + ".");
        var download = new Anchor(DownloadHandler.fromInputStream(event -> {
            reports.recordDownload(kind, choice.odsCode(), cycleName, pdf.length);
            return new DownloadResponse(new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length);
        }), AttachmentType.DOWNLOAD, "Download " + fileName + " (" + Math.max(1, pdf.length / 1024) + " KB)");
        download.addClassName("report-download");
        result.add(download);
    }
}
