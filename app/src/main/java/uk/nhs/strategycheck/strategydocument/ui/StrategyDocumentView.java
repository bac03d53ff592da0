package uk.nhs.strategycheck.strategydocument.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.strategydocument.CharacteristicReading;
import uk.nhs.strategycheck.strategydocument.DocumentFacts;
import uk.nhs.strategycheck.strategydocument.DocumentPage;
import uk.nhs.strategycheck.strategydocument.DocumentProblem;
import uk.nhs.strategycheck.strategydocument.StoredDocument;
import uk.nhs.strategycheck.strategydocument.StrategyDocumentService;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;

/**
 * The trust's strategy document for the cycle: upload (checked off the UI thread, with
 * progress), then what the document shows, per characteristic beside the trust's own score,
 * each signal quoted with its page; earlier versions stay downloadable.
 */
@Route(value = "strategy-document", layout = MainLayout.class)
@PageTitle("Strategy document - Digital Strategy Check")
@Menu(title = "Strategy document", order = 11.5)
@RolesAllowed({"TRUST_EDITOR", "TRUST_APPROVER", "TRUST_VIEWER"})
public class StrategyDocumentView extends Main implements BeforeEnterObserver {

    private static final Logger LOG = LoggerFactory.getLogger(StrategyDocumentView.class);
    private static final int MEGABYTE = 1024 * 1024;

    private final StrategyDocumentService documents;
    private final Executor background;
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Paragraph status = new Paragraph();
    private final Paragraph problem = new Paragraph();
    private DocumentPage page;

    public StrategyDocumentView(StrategyDocumentService documents,
                                @Qualifier("strategyAnalysisExecutor") Executor background) {
        this.documents = documents;
        this.background = background;
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", "Checking the document");
        status.getElement().setAttribute("role", "status");
        status.addClassName("document-status");
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("document-problem");
        problem.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var loaded = documents.page();
        if (loaded.isEmpty()) {
            removeAll();
            add(new H1("Strategy document"),
                    new Paragraph("Your trust has no assessment for this cycle yet, so there is nowhere to keep a strategy "
                            + "document. A trust editor starts the assessment by opening the self-assessment. If no cycle "
                            + "is open, your region's admins open one."));
            return;
        }
        page = loaded.get();
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Strategy document"));
        add(new Paragraph(page.trustName() + ", " + page.cycleName() + ". The check reads your strategy document and "
                + "shows what it says about each of the seven characteristics, quoted with page numbers. It advises: "
                + "your own scores stay yours."));
        if (page.approver() && !page.gaps().isEmpty()) {
            var callout = new Div(new H2("Before you approve"),
                    new Paragraph("The trust's own score is 2 or more points above what its strategy document shows for: "
                            + StrategyDocumentService.gapText(page.gaps()) + ". Check the evidence for these."));
            callout.addClassName("callout");
            callout.addClassName("document-gaps");
            add(callout);
        }
        add(uploadSection());
        page.current().ifPresentOrElse(current -> {
            var analysis = page.analysis().orElseThrow();
            add(documentSection(current), factsSection(analysis), characteristicsSection());
        }, () -> add(new Paragraph("No strategy document has been checked for this cycle yet.")));
        if (!page.earlier().isEmpty()) {
            add(earlierSection());
        }
    }

    private Component uploadSection() {
        var section = new Section(new H2(page.current().isPresent() ? "Upload a new version" : "Upload your strategy document"));
        section.addClassName("document-upload");
        if (!page.canUpload()) {
            section.add(new Paragraph(page.readOnlyReason() == null
                    ? "You can read the document; the trust's editors and approvers upload it."
                    : page.readOnlyReason()));
            return section;
        }
        section.add(new Paragraph("A PDF, Word (DOCX), OpenDocument (ODT), web page (HTML) or plain text file of up to "
                + StrategyDocumentService.MAX_BYTES / MEGABYTE + " MB. A new version becomes the current one; earlier "
                + "versions are kept. Checking takes a few seconds."));
        var upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            var ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> {
                    // One file at a time: the next choice replaces this one.
                    upload.clearFileList();
                    check(ui, metadata.fileName(), data);
                });
            }
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(StrategyDocumentService.MAX_BYTES);
        upload.setAcceptedFileTypes(".pdf", ".docx", ".odt", ".html", ".htm", ".txt");
        var i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("Choose a file"));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne("or drop it here"));
        i18n.setError(new UploadI18N.Error().setTooManyFiles("Upload one file at a time.")
                .setFileIsTooBig("The file is larger than " + StrategyDocumentService.MAX_BYTES / MEGABYTE + " MB.")
                .setIncorrectFileType("Upload a PDF, DOCX, ODT, HTML or plain text file."));
        upload.setI18n(i18n);
        upload.getElement().setAttribute("aria-label", "Strategy document file");
        upload.addFileRejectedListener(rejected -> showProblem(rejected.getFileName() + " was not uploaded. "
                + rejected.getErrorMessage() + " Save a copy in one of those formats, under "
                + StrategyDocumentService.MAX_BYTES / MEGABYTE + " MB (for example without large images), and upload that."));
        section.add(upload, progress, status, problem);
        return section;
    }

    private void check(UI ui, String fileName, byte[] content) {
        var security = SecurityContextHolder.getContext();
        Long seen = page.current().map(StoredDocument::id).orElse(null);
        long assessmentId = page.assessmentId();
        problem.setVisible(false);
        progress.setValue(0);
        progress.setVisible(true);
        status.setText("Checking " + fileName + "...");
        CompletableFuture<DocumentPage> checked;
        try {
            checked = CompletableFuture.supplyAsync(
                    () -> checkAndStore(ui, security, assessmentId, seen, fileName, content), background);
        } catch (RejectedExecutionException busy) {
            finished();
            showProblem(fileName + " was not saved: many documents are being checked right now. Please upload it again "
                    + "in a minute.");
            return;
        }
        checked.whenComplete((reloaded, failure) -> ui.access(() -> {
            finished();
            if (failure == null) {
                page = reloaded;
                render();
                var saved = page.current().orElseThrow();
                status.setText("Checked and saved: " + saved.fileName() + ", " + pagesAndWords(saved) + ".");
                return;
            }
            var cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof DocumentProblem refused) {
                showProblem(fileName + " was not saved. " + refused.getMessage());
            } else {
                LOG.error("Checking a strategy document failed", cause);
                showProblem(fileName + " was not saved: something went wrong on our side. Please try again; if it "
                        + "fails again, tell the service desk the time it happened.");
            }
        }));
    }

    /** On a worker thread, in the user's own scope: read the file, store it, and load the page again. */
    private DocumentPage checkAndStore(UI ui, SecurityContext security, long assessmentId, Long seen, String fileName,
                                      byte[] content) {
        SecurityContextHolder.setContext(security);
        try {
            var analysis = documents.analyse(fileName, content, (fraction, step) -> ui.access(() -> {
                progress.setValue(Math.max(0, Math.min(1, fraction)));
                status.setText(step);
            }));
            documents.store(assessmentId, seen, fileName, content, analysis);
            return documents.page().orElseThrow();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void finished() {
        progress.setVisible(false);
        status.setText("");
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    private static String pagesAndWords(StoredDocument document) {
        return document.pages() + (document.pages() == 1 ? " page, " : " pages, ")
                + String.format("%,d", document.words()) + " words";
    }

    private Component documentSection(StoredDocument current) {
        var facts = new DescriptionList();
        facts.add(term("File"), new DescriptionList.Description(download(current)));
        facts.add(term("Uploaded"), description("by " + current.uploadedByName() + " on " + Dates.dateTime(current.uploadedAt())));
        facts.add(term("Length"), description(pagesAndWords(current)));
        var section = new Section(new H2("The document"), facts);
        section.addClassName("document-current");
        return section;
    }

    private Anchor download(StoredDocument document) {
        long id = document.id();
        var link = new Anchor(DownloadHandler.fromInputStream(event -> {
            var file = documents.file(id).orElseThrow();
            return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(), file.mediaType(),
                    file.content().length);
        }), AttachmentType.DOWNLOAD, document.fileName() + " (" + Math.max(1, document.sizeBytes() / 1024) + " KB)");
        link.getElement().setAttribute("aria-label", "Download " + document.fileName());
        return link;
    }

    private Component factsSection(DocumentAnalysis analysis) {
        var facts = new DescriptionList();
        facts.addClassName("document-facts");
        facts.add(term("Period"), description(DocumentFacts.period(analysis)
                + (analysis.horizon() == null ? "" : ": \u201c" + analysis.horizon().quote() + "\u201d, page " + analysis.horizon().page())));
        facts.add(term("Review"), description(analysis.reviewCadence() == null ? DocumentFacts.NOT_STATED
                : "\u201c" + analysis.reviewCadence().quote() + "\u201d, page " + analysis.reviewCadence().page()));
        var foreword = analysis.foreword();
        facts.add(term("Foreword signed by"), description(DocumentFacts.signatory(analysis)
                + (foreword == null || foreword.quote() == null ? "" : ": \u201c" + foreword.quote() + "\u201d, page " + foreword.page())));
        var priorities = new OrderedList();
        analysis.priorities().items().forEach(item -> priorities.add(new ListItem(item.text() + " (page " + item.page() + ")")));
        facts.add(term("Priorities"), new DescriptionList.Description(new Paragraph(String.valueOf(analysis.priorities().count())), priorities));
        facts.add(term("Measurable targets"), quotes(analysis.targets()));
        facts.add(term("What it will not do"), quotes(analysis.exclusions()));
        return new Section(new H2("What it says"), facts);
    }

    private static DescriptionList.Description quotes(List<DocumentAnalysis.Quote> quotes) {
        var list = new UnorderedList();
        quotes.forEach(q -> list.add(new ListItem("\u201c" + q.quote() + "\u201d, page " + q.page())));
        return new DescriptionList.Description(new Paragraph(quotes.isEmpty() ? "None found" : String.valueOf(quotes.size())), list);
    }

    private Component characteristicsSection() {
        var section = new Section(new H2("By characteristic"));
        section.addClassName("document-characteristics");
        section.add(new Paragraph("For each characteristic: the score the document suggests, from 1 to 5, the rule "
                + "that gave it, and the signs found, good and bad, each quoted with its page."));
        for (var reading : page.characteristics()) {
            section.add(characteristic(reading));
        }
        return section;
    }

    private static Component characteristic(CharacteristicReading reading) {
        var box = new Div(new H3(reading.title()));
        box.addClassName("document-characteristic");
        var scores = new Paragraph("Suggested by the document: " + reading.suggestedScore() + " out of 5. Your own score: "
                + reading.ownScore().map(s -> s.toPlainString())
                        .orElse("not rated yet (a characteristic is rated once all its statements are scored)") + ".");
        scores.addClassName("document-scores");
        box.add(scores);
        if (reading.ownScoreWellAbove()) {
            var gap = new Paragraph("Your own score is 2 or more points above what the document shows.");
            gap.addClassName("document-gap");
            box.add(gap);
        }
        box.add(new Paragraph("How: " + reading.rule()));
        if (reading.signals().isEmpty()) {
            box.add(new Paragraph("No signs found in the document."));
        } else {
            var list = new UnorderedList();
            list.addClassName("signal-list");
            reading.signals().forEach(signal -> list.add(new SignalItem(signal)));
            box.add(list);
        }
        return box;
    }

    private Component earlierSection() {
        var list = new UnorderedList();
        for (var document : page.earlier()) {
            list.add(new ListItem(download(document), new com.vaadin.flow.component.html.Span(", uploaded by "
                    + document.uploadedByName() + " on " + Dates.dateTime(document.uploadedAt()))));
        }
        var section = new Section(new H2("Earlier versions"), list);
        section.addClassName("document-earlier");
        return section;
    }

    private static DescriptionList.Term term(String text) {
        return new DescriptionList.Term(text);
    }

    private static DescriptionList.Description description(String text) {
        return new DescriptionList.Description(text);
    }
}
