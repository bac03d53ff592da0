package uk.nhs.strategycheck.strategydocument;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.nhs.strategycheck.assessment.AssessmentPage;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.audit.AuditLog;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.benchmark.TrustFacts;
import uk.nhs.strategycheck.benchmark.Column;
import uk.nhs.strategycheck.shared.Csv;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.strategydocument.analysis.AnalysisJson;
import uk.nhs.strategycheck.strategydocument.analysis.AnalysisProgress;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentRejected;
import uk.nhs.strategycheck.strategydocument.analysis.StrategyAnalyser;
import uk.nhs.strategycheck.tenancy.CurrentScope;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;
import uk.nhs.strategycheck.tenancy.Role;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * The trust's strategy document beside its self-assessment: upload (checked by the analyser
 * before anything is stored), what the document shows per characteristic, earlier versions,
 * and, for an ICS leader, the member trusts' documents side by side.
 */
@Service
@Transactional
public class StrategyDocumentService {

    public static final int MAX_BYTES = StrategyAnalyser.MAX_BYTES;
    private static final int MAX_FILE_NAME = 255;

    /** A trust's current document in a cycle and what it shows. */
    public record TrustDocument(StoredDocument document, DocumentAnalysis analysis) {
    }

    private final StrategyDocumentRepository documents;
    private final AssessmentService assessments;
    private final BenchmarkService benchmarks;
    private final StrategyAnalyser analyser;
    private final CurrentScopeSource scopes;
    private final AuditLog audit;
    private final MeterRegistry meters;

    StrategyDocumentService(StrategyDocumentRepository documents, AssessmentService assessments,
                            BenchmarkService benchmarks, StrategyAnalyser analyser, CurrentScopeSource scopes,
                            AuditLog audit, MeterRegistry meters) {
        this.documents = documents;
        this.assessments = assessments;
        this.benchmarks = benchmarks;
        this.analyser = analyser;
        this.scopes = scopes;
        this.audit = audit;
        this.meters = meters;
    }

    /** The trust's document for its current (or latest) cycle, beside its own scores. Empty before any cycle. */
    public Optional<DocumentPage> page() {
        var scope = scopes.require();
        scope.require(ScopeLevel.TRUST);
        return assessments.open().map(assessment -> {
            long icsId = scope.assignment().icsId();
            var current = documents.findCurrent(icsId, assessment.assessmentId());
            var analysis = current.map(reading -> AnalysisJson.read(reading.analysisJson()));
            var readings = analysis.map(a -> readings(a, assessment)).orElse(List.of());
            return new DocumentPage(assessment.trustName(), assessment.cycle().name(), assessment.assessmentId(),
                    assessment.can().editAnswers(), assessment.can().readOnlyReason(),
                    scope.assignment().role() == Role.TRUST_APPROVER,
                    current.map(StrategyDocumentRepository.Reading::document), analysis, readings,
                    documents.findEarlier(icsId, assessment.assessmentId()));
        });
    }

    private static List<CharacteristicReading> readings(DocumentAnalysis analysis, AssessmentPage assessment) {
        return assessment.framework().characteristics().stream()
                .map(c -> reading(analysis, c.position(), c.code(), c.name(), Optional.ofNullable(assessment.score(c).orElse(null))))
                .toList();
    }

    private static CharacteristicReading reading(DocumentAnalysis analysis, int position, String code, String name,
                                                 Optional<java.math.BigDecimal> own) {
        var finding = analysis.characteristics().get(code);
        return new CharacteristicReading(position, code, name, finding.suggestedScore(), finding.rule(), finding.signals(), own);
    }

    /**
     * Reads the file and finds the signals, off the UI thread and outside any transaction: nothing
     * is stored, so a refused file leaves no trace. A file the analyser refuses is a DocumentProblem
     * with its reason in plain words.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public DocumentAnalysis analyse(String fileName, byte[] content, AnalysisProgress progress) {
        requireUploader(scopes.require());
        // Timed by outcome (dsc.strategy.analyses): analysed, refused by the analyser, or failed.
        var started = Timer.start(meters);
        String outcome = "failed";
        try {
            var analysis = analyser.analyse(cleanFileName(fileName), content, progress);
            outcome = "analysed";
            return analysis;
        } catch (DocumentRejected rejected) {
            outcome = "refused";
            throw new DocumentProblem(rejected.getMessage());
        } finally {
            started.stop(meters.timer("dsc.strategy.analyses", "outcome", outcome));
        }
    }

    /**
     * Stores an analysed document as the current one of the trust's assessment, superseding the
     * one the uploader saw (expectedCurrentId, null for none), which is kept. Refused while the
     * assessment is not open for answers, and when someone else stored a document meanwhile.
     */
    public StoredDocument store(long assessmentId, Long expectedCurrentId, String fileName, byte[] content,
                                DocumentAnalysis analysis) {
        var scope = scopes.require();
        requireUploader(scope);
        var assessment = assessments.open().filter(a -> a.assessmentId() == assessmentId)
                .orElseThrow(() -> new DocumentProblem("This cycle's assessment is no longer the current one, so the "
                        + "document was not saved. Reload the page."));
        if (!assessment.can().editAnswers()) {
            throw new DocumentProblem(assessment.can().readOnlyReason() + " The document was not saved.");
        }
        var name = cleanFileName(fileName);
        long icsId = scope.assignment().icsId();
        var before = documents.findCurrent(icsId, assessmentId).map(StrategyDocumentRepository.Reading::document);
        Optional<StoredDocument> stored;
        try {
            stored = documents.insertCurrent(new StrategyDocumentRepository.NewDocument(icsId, scope.assignment().trustId(),
                    assessmentId, name, analysis.mediaType(), content, sha256(content), AnalysisJson.write(analysis),
                    scope.userId(), scope.userName()), expectedCurrentId);
        } catch (DuplicateKeyException race) {
            throw supersededMeanwhile(Optional.empty());
        } catch (DataAccessException refused) {
            // Row level security refuses a document for an assessment that was submitted meanwhile.
            throw new DocumentProblem("This assessment has just been submitted or approved, so its strategy document "
                    + "cannot change. Reload the page to see its status.");
        }
        var saved = stored.orElseThrow(() -> supersededMeanwhile(before));
        var after = new LinkedHashMap<String, Object>();
        after.put("file", saved.fileName());
        after.put("bytes", saved.sizeBytes());
        after.put("sha256", HexFormat.of().formatHex(sha256(content)));
        after.put("pages", saved.pages());
        after.put("period", DocumentFacts.period(analysis));
        audit.record("STRATEGY_DOCUMENT_UPLOADED", "strategy_document", saved.id(),
                before.map(b -> Map.of("file", b.fileName(), "id", b.id())).orElse(null), after);
        return saved;
    }

    private static DocumentProblem supersededMeanwhile(Optional<StoredDocument> seen) {
        return new DocumentProblem.Superseded("Someone else saved a strategy document for this cycle while yours was "
                + "being checked" + seen.map(d -> " (you were replacing " + d.fileName() + ")").orElse("")
                + ", so yours was not saved. Look at theirs on this page, then upload yours again if it should replace it.");
    }

    /** The stored file, for a download by anyone who may read the document. Audited. */
    public Optional<DocumentFile> file(long documentId) {
        var file = documents.findFile(documentId);
        file.ifPresent(f -> audit.recordFor(f.trustId(), "STRATEGY_DOCUMENT_DOWNLOADED", "strategy_document", documentId,
                null, Map.of("file", f.fileName())));
        return file;
    }

    /** The member trusts' documents in a cycle (by default the heatmap's), with gaps to their own scores. */
    @Transactional(readOnly = true)
    public Optional<DocumentComparison> compare(Optional<String> cycleName) {
        return benchmarks.heatmap(cycleName).map(heatmap -> {
            var current = currentOf(heatmap.trusts().stream().map(row -> row.trust()).toList(), heatmap.cycleName());
            var rows = heatmap.trusts().stream().map(row -> {
                var document = Optional.ofNullable(current.get(row.trust().id()));
                var gaps = document.map(d -> gaps(d, heatmap.characteristics(), row.scores())).orElse(List.of());
                return new DocumentComparison.Row(row.trust().name(), row.trust().odsCode(),
                        document.map(TrustDocument::document), document.map(TrustDocument::analysis), gaps);
            }).toList();
            return new DocumentComparison(heatmap.icsName(), heatmap.cycleName(), heatmap.cycleNames(), rows);
        });
    }

    /** The characteristics where the trust's own score (by characteristic id) is 2 or more above its document's. */
    private static List<CharacteristicReading> gaps(TrustDocument document, List<Column> characteristics,
                                                    Map<Long, java.math.BigDecimal> ownScores) {
        var gaps = new ArrayList<CharacteristicReading>();
        for (var c : characteristics) {
            var reading = reading(document.analysis(), c.position(), c.code(), c.name(), Optional.ofNullable(ownScores.get(c.id())));
            if (reading.ownScoreWellAbove()) {
                gaps.add(reading);
            }
        }
        return gaps;
    }

    /** The comparison as CSV: a row per member trust. */
    @Transactional(readOnly = true)
    public byte[] comparisonCsv(Optional<String> cycleName) {
        var comparison = compare(cycleName).orElseThrow();
        var csv = new Csv();
        csv.row(List.of("ODS code", "Trust", "Cycle", "Document", "Uploaded", "Period", "Review", "Foreword signed by",
                "Priorities", "Measurable targets", "Exclusions", "Own score 2 or more above the document"));
        for (var row : comparison.trusts()) {
            var line = new ArrayList<Object>(List.of(row.odsCode(), row.trustName(), comparison.cycleName()));
            if (row.analysis().isEmpty()) {
                line.addAll(List.of("None uploaded", "", "", "", "", "", "", "", ""));
            } else {
                var document = row.document().orElseThrow();
                var analysis = row.analysis().get();
                line.addAll(List.of(document.fileName(), Dates.date(document.uploadedAt()), DocumentFacts.period(analysis),
                        DocumentFacts.review(analysis), DocumentFacts.signatory(analysis), analysis.priorities().count(),
                        analysis.targets().size(), analysis.exclusions().size(), gapText(row.gaps())));
            }
            csv.row(line);
        }
        return csv.bytes();
    }

    /** "Leadership: own 4.5, document 2; ..." or "None". */
    public static String gapText(List<CharacteristicReading> gaps) {
        if (gaps.isEmpty()) {
            return "None";
        }
        return String.join("; ", gaps.stream().map(CharacteristicReading::gap).toList());
    }

    /**
     * The current documents of the given trusts in a cycle, as the scope may read them (for reports),
     * by trust id. Read in the trusts' ICSs only: the planner then opens their partitions alone.
     */
    @Transactional(readOnly = true)
    public Map<Long, TrustDocument> currentOf(Collection<TrustFacts> trusts, String cycleName) {
        var result = new LinkedHashMap<Long, TrustDocument>();
        documents.findCurrentOfTrusts(trusts.stream().map(TrustFacts::id).toList(),
                trusts.stream().map(TrustFacts::icsId).distinct().toList(), cycleName).forEach((trustId, reading) ->
                result.put(trustId, new TrustDocument(reading.document(), AnalysisJson.read(reading.analysisJson()))));
        return result;
    }

    /** Turns a document's finding for a characteristic and the trust's own score into a reading. */
    public static CharacteristicReading reading(TrustDocument document, int position, String code, String name,
                                                Optional<java.math.BigDecimal> ownScore) {
        return reading(document.analysis(), position, code, name, ownScore);
    }

    private static void requireUploader(CurrentScope scope) {
        var assignment = scope.require(ScopeLevel.TRUST);
        if (assignment.role() != Role.TRUST_EDITOR && assignment.role() != Role.TRUST_APPROVER) {
            throw new AccessDeniedException("Only the trust's editors and approvers upload its strategy document");
        }
    }

    /** The name as the user's computer gave it, without any folder or hidden characters. */
    static String cleanFileName(String fileName) {
        var name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).codePoints()
                .filter(c -> !Character.isISOControl(c) && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            name = "strategy document";
        }
        return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
