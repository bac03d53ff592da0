package uk.nhs.strategycheck.reports;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.nhs.strategycheck.audit.AuditLog;
import uk.nhs.strategycheck.benchmark.AreaComparison;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.benchmark.Footprint;
import uk.nhs.strategycheck.benchmark.SubmissionRow;
import uk.nhs.strategycheck.benchmark.TrustProfile;
import uk.nhs.strategycheck.reporting.BoardPackData;
import uk.nhs.strategycheck.reporting.CharacteristicScores;
import uk.nhs.strategycheck.reporting.MedianFigure;
import uk.nhs.strategycheck.reporting.NationalPackData;
import uk.nhs.strategycheck.reporting.ReportRenderer;
import uk.nhs.strategycheck.reporting.StrategyDocumentRow;
import uk.nhs.strategycheck.reporting.StrategyDocumentSummary;
import uk.nhs.strategycheck.reporting.TrustReportData;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.strategydocument.CharacteristicReading;
import uk.nhs.strategycheck.strategydocument.DocumentFacts;
import uk.nhs.strategycheck.strategydocument.StrategyDocumentService;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * Board-ready PDFs from the figures in the database: England's board pack for national admins,
 * an ICS leader's board pack for their own ICS, and trust reports for a trust's own users (and
 * for its ICS leader). Every download is in the audit log.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);
    private static final int TOP_ACTIONS = 3;
    /** What the national pack is about, in its file name and the audit log. */
    static final String ENGLAND = "England";

    private final BenchmarkService benchmarks;
    private final ReportRepository reports;
    private final ReportRenderer renderer;
    private final CurrentScopeSource scopes;
    private final AuditLog audit;
    private final StrategyDocumentService documents;
    private final Clock clock;
    private final MeterRegistry meters;
    /** Preparing a report ahead is worth it only where the PDF is kept for the click that follows. */
    private final boolean keepsPdfs;

    ReportService(BenchmarkService benchmarks, ReportRepository reports, ReportRenderer renderer,
                  CurrentScopeSource scopes, AuditLog audit, StrategyDocumentService documents, Clock clock,
                  MeterRegistry meters) {
        this.benchmarks = benchmarks;
        this.documents = documents;
        this.reports = reports;
        this.renderer = renderer;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
        this.keepsPdfs = renderer instanceof CachingReportRenderer;
    }

    /** A report the user may download: what it is about, and the cycles it can cover. */
    public record Choice(Report kind, String odsCode, String name, List<String> cycles, String latestCycle) {
    }

    public enum Report {
        BOARD_PACK("ICS board pack", "board-pack"),
        NATIONAL_PACK("National board pack", "national-pack"),
        TRUST_REPORT("Trust report", "trust-report");

        private final String label;
        private final String fileName;

        Report(String label, String fileName) {
            this.label = label;
            this.fileName = fileName;
        }

        public String label() {
            return label;
        }

        /** The report's kind as metrics and logs name it: board_pack, trust_report. */
        public String metricTag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String fileName(String odsCode, String cycle) {
            return fileName + "-" + odsCode + "-" + cycle.replace('/', '-') + ".pdf";
        }
    }

    /**
     * The reports the active role may download: England's national pack, the ICS's board pack and its
     * members' reports, or the trust's own.
     */
    public List<Choice> choices() {
        var scope = scopes.require().assignment();
        if (scope.level() == ScopeLevel.NATIONAL) {
            return benchmarks.areaComparison(Optional.empty())
                    .map(england -> List.of(new Choice(Report.NATIONAL_PACK, ENGLAND, "England", england.cycleNames(),
                            england.cycleName())))
                    .orElse(List.of());
        }
        if (scope.level() == ScopeLevel.ICS) {
            var heatmap = benchmarks.heatmap(Optional.empty()).orElse(null);
            if (heatmap == null) {
                return List.of();
            }
            var choices = new java.util.ArrayList<Choice>();
            choices.add(new Choice(Report.BOARD_PACK, scope.icsOdsCode(), heatmap.icsName() + " ICS",
                    heatmap.cycleNames(), heatmap.cycleName()));
            heatmap.trusts().forEach(row -> choices.add(new Choice(Report.TRUST_REPORT, row.trust().odsCode(),
                    row.trust().name(), heatmap.cycleNames(), heatmap.cycleName())));
            return choices;
        }
        if (scope.level() == ScopeLevel.TRUST) {
            return benchmarks.ownProfile(Optional.empty())
                    .map(p -> List.of(new Choice(Report.TRUST_REPORT, p.trust().odsCode(), p.trust().name(),
                            p.cycleNames(), p.cycleName())))
                    .orElse(List.of());
        }
        throw new AccessDeniedException("Reports are for trusts, ICS leaders and national admins");
    }

    /**
     * A report of the kind about the subject (an ICS's or trust's ODS code; England for the national
     * pack) in a cycle, a pack of a closed cycle as published or restated.
     */
    public byte[] prepare(Report kind, String odsCode, String cycleName, Optional<Footprint> footprint) {
        return timed(kind, () -> make(kind, odsCode, cycleName, footprint));
    }

    /**
     * Prepares the report a user is about to ask for, as soon as they open the page that offers it,
     * so that their click on "Prepare" finds it kept (or being made) and the PDF is there at once:
     * a board pack made afresh takes 0.2-0.3 s, a kept one is given in milliseconds. The same data,
     * gathered under the same user's row level security, so the click still gets exactly what it
     * would have got; nothing is audited, as no one has the PDF yet. Does nothing where PDFs are not kept.
     */
    public void prepareAhead(Report kind, String odsCode, String cycleName, Optional<Footprint> footprint) {
        if (keepsPdfs) {
            long started = System.nanoTime();
            make(kind, odsCode, cycleName, footprint);
            LOG.debug("Prepared a {} ahead in {} ms", kind.metricTag(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    private byte[] make(Report kind, String odsCode, String cycleName, Optional<Footprint> footprint) {
        return switch (kind) {
            case NATIONAL_PACK -> prepareNationalPack(cycleName, footprint);
            case BOARD_PACK -> prepareBoardPack(odsCode, cycleName, footprint);
            case TRUST_REPORT -> prepareTrustReport(odsCode, cycleName);
        };
    }

    /** The ICS board pack: only the ICS leader's own ICS; a closed cycle's as published. */
    public byte[] boardPack(String icsOdsCode, String cycleName) {
        return boardPack(icsOdsCode, cycleName, Optional.empty());
    }

    /** The board pack of a past cycle as published (the default) or restated to today's ICS, labelled which. */
    public byte[] boardPack(String icsOdsCode, String cycleName, Optional<Footprint> footprint) {
        return prepare(Report.BOARD_PACK, icsOdsCode, cycleName, footprint);
    }

    private byte[] prepareBoardPack(String icsOdsCode, String cycleName, Optional<Footprint> footprint) {
        var scope = scopes.require();
        scope.require(ScopeLevel.ICS);
        if (!scope.assignment().icsOdsCode().equals(icsOdsCode)) {
            throw new AccessDeniedException("You can download the board pack of your own ICS only");
        }
        // Every member's profile, actions and strategy document at once: the same statements for 3 trusts or 200.
        var figures = benchmarks.boardPack(cycleName, footprint);
        var heatmap = figures.heatmap();
        var submissions = figures.submissions();
        var summaries = heatmap.characteristics().stream()
                .map(c -> new BoardPackData.CharacteristicSummary(c.position(), c.code(), c.name(),
                        heatmap.icsMedian().get(c.id()), heatmap.nationalMedian().get(c.id())))
                .toList();
        var memberProfiles = figures.profiles();
        var trustIds = submissions.trusts().stream().map(row -> row.trust().id()).toList();
        var actions = reports.openActions(trustIds,
                submissions.trusts().stream().map(row -> row.trust().icsId()).distinct().toList(), cycleName, TOP_ACTIONS);
        var current = documents.currentOf(submissions.trusts().stream().map(SubmissionRow::trust).toList(), cycleName);
        Optional<String> previous = Optional.empty();
        var profiles = new java.util.ArrayList<BoardPackData.TrustProfile>();
        var strategyDocuments = new java.util.ArrayList<StrategyDocumentRow>();
        for (var row : submissions.trusts()) {
            var profile = memberProfiles.get(row.trust().id());
            previous = previous.or(profile::previousCycleName);
            profiles.add(new BoardPackData.TrustProfile(row.trust().name(), row.trust().odsCode(),
                    row.trust().trustType(), row.state().name(), scores(profile),
                    actions.getOrDefault(row.trust().id(), List.of())));
            strategyDocuments.add(Optional.ofNullable(current.get(row.trust().id()))
                    .map(document -> documentRow(row.trust().name(), row.trust().odsCode(), document, profile))
                    .orElseGet(() -> new StrategyDocumentRow(row.trust().name(), row.trust().odsCode(), false, null, null,
                            null, null, null, null, List.of())));
        }
        long submitted = submissions.trusts().stream().filter(r -> r.state().submitted()).count();
        long approved = submissions.trusts().stream().filter(r -> r.state() == SubmissionRow.State.APPROVED).count();
        return renderer.boardPack(new BoardPackData(heatmap.icsName(), icsOdsCode, cycleName, previous.orElse(null),
                LocalDate.now(clock), submissions.trusts().size(), (int) submitted, (int) approved, summaries, profiles,
                heatmap.footprintNote(), strategyDocuments));
    }

    /** England's board pack, for a national admin: every trust, grouped by region and ICS, against the national medians. */
    public byte[] nationalPack(String cycleName, Optional<Footprint> footprint) {
        return prepare(Report.NATIONAL_PACK, ENGLAND, cycleName, footprint);
    }

    private byte[] prepareNationalPack(String cycleName, Optional<Footprint> footprint) {
        var england = benchmarks.england(cycleName, footprint);
        var columns = england.characteristics();
        var characteristics = columns.stream()
                .map(c -> new NationalPackData.Characteristic(c.position(), c.code(), c.name(),
                        england.nationalMedian().get(c.id())))
                .toList();
        Function<Map<Long, MedianFigure>, List<MedianFigure>> medians = byId -> columns.stream()
                .map(c -> byId.getOrDefault(c.id(), MedianFigure.NONE)).toList();
        var regions = england.regions().stream().map(r -> area(r, null, medians)).toList();
        var icss = england.icss().stream().map(i -> area(i.area(), i.regionName(), medians)).toList();
        var trusts = england.trusts().stream()
                .map(t -> new NationalPackData.Trust(t.trust().name(), t.trust().odsCode(), t.trust().trustType(),
                        t.icsName(), t.regionName(), t.state().name(),
                        columns.stream().map(c -> t.scores().get(c.id())).toList()))
                .toList();
        return renderer.nationalPack(new NationalPackData(england.cycleName(), LocalDate.now(clock), england.footprintNote(),
                characteristics, regions, icss, trusts));
    }

    private static NationalPackData.Area area(AreaComparison.Row row, String parentName,
                                              Function<Map<Long, MedianFigure>, List<MedianFigure>> medians) {
        return new NationalPackData.Area(row.odsCode(), row.name(), parentName, row.trusts(), row.submitted(), row.approved(),
                medians.apply(row.medians()));
    }

    /** A trust's report: its own users, or its ICS leader. */
    public byte[] trustReport(String trustOdsCode, String cycleName) {
        return prepare(Report.TRUST_REPORT, trustOdsCode, cycleName, Optional.empty());
    }

    private byte[] prepareTrustReport(String trustOdsCode, String cycleName) {
        var scope = scopes.require().assignment();
        TrustProfile profile = switch (scope.level()) {
            case TRUST -> {
                if (!scope.trustOdsCode().equals(trustOdsCode)) {
                    throw new AccessDeniedException("You can download your own trust's report only");
                }
                yield benchmarks.ownProfile(Optional.of(cycleName)).orElseThrow();
            }
            case ICS -> benchmarks.memberProfile(trustOdsCode, Optional.of(cycleName)).orElseThrow();
            default -> throw new AccessDeniedException("Trust reports are for the trust and its ICS leader");
        };
        var trust = profile.trust();
        var assessment = reports.assessment(trust.icsId(), trust.id(), cycleName);
        return renderer.trustReport(new TrustReportData(trust.name(), trust.odsCode(), trust.trustType(),
                profile.icsName(), cycleName,
                assessment.map(ReportRepository.AssessmentRef::status).orElse(SubmissionRow.State.NOT_STARTED.name()),
                profile.previousCycleName().orElse(null), LocalDate.now(clock), scores(profile),
                assessment.map(reports::evidence).orElse(List.of()),
                assessment.map(reports::actions).orElse(List.of()),
                Optional.ofNullable(documents.currentOf(List.of(trust), cycleName).get(trust.id()))
                        .map(document -> documentSummary(document, profile)).orElse(null)));
    }

    /**
     * Prepares a report, timed by kind and outcome (dsc.reports.prepared): how long people wait for
     * their PDFs, and how often preparing one fails.
     */
    private byte[] timed(Report kind, Supplier<byte[]> prepare) {
        var started = Timer.start(meters);
        String outcome = "failure";
        try {
            byte[] pdf = prepare.get();
            outcome = "success";
            return pdf;
        } finally {
            long nanos = started.stop(meters.timer("dsc.reports.prepared", "kind", kind.metricTag(), "outcome", outcome));
            LOG.info("Preparing a {}: {} in {} ms", kind.metricTag(), outcome, TimeUnit.NANOSECONDS.toMillis(nanos));
        }
    }

    /** Records that the user downloaded a report. */
    @Transactional
    public void recordDownload(Report kind, String odsCode, String cycleName, int bytes) {
        var scope = scopes.require().assignment();
        Long trustId = kind == Report.TRUST_REPORT ? reports.trustId(odsCode).orElse(null) : scope.trustId();
        String about = switch (kind) {
            case BOARD_PACK -> "ics";
            case NATIONAL_PACK -> "country";
            case TRUST_REPORT -> "trust";
        };
        var after = new java.util.LinkedHashMap<String, Object>();
        after.put("report", kind.label());
        after.put("subject", odsCode);
        after.put("cycle", cycleName);
        after.put("bytes", bytes);
        audit.recordFor(trustId, "REPORT_DOWNLOADED", about, odsCode, null, after);
    }

    /** What a trust's strategy document shows for each characteristic, beside the trust's own score. */
    private static List<CharacteristicReading> readings(StrategyDocumentService.TrustDocument document, TrustProfile profile) {
        return profile.rows().stream()
                .map(r -> StrategyDocumentService.reading(document, r.characteristic().position(), r.characteristic().code(),
                        r.characteristic().name(), r.score()))
                .toList();
    }

    private static StrategyDocumentSummary documentSummary(StrategyDocumentService.TrustDocument document, TrustProfile profile) {
        var analysis = document.analysis();
        var characteristics = readings(document, profile).stream()
                .map(r -> new StrategyDocumentSummary.Characteristic(r.position(), r.code(), r.name(), r.suggestedScore(),
                        r.ownScore().orElse(null), r.ownScoreWellAbove(), r.rule(), r.signals().stream()
                        .map(s -> new StrategyDocumentSummary.Evidence(s.code(), s.sign() == DocumentAnalysis.Sign.GOOD,
                                s.quote(), s.page()))
                        .toList()))
                .toList();
        return new StrategyDocumentSummary(document.document().fileName(),
                LocalDate.ofInstant(document.document().uploadedAt(), Dates.ENGLAND), document.document().pages(),
                analysis.horizon() == null ? null : DocumentFacts.period(analysis),
                analysis.reviewCadence() == null ? null : analysis.reviewCadence().quote(), DocumentFacts.signatory(analysis),
                analysis.priorities().count(), analysis.targets().size(), analysis.exclusions().size(), characteristics);
    }

    private static StrategyDocumentRow documentRow(String trustName, String odsCode, StrategyDocumentService.TrustDocument document,
                                                   TrustProfile profile) {
        var analysis = document.analysis();
        return new StrategyDocumentRow(trustName, odsCode, true,
                analysis.horizon() == null ? null : DocumentFacts.period(analysis),
                analysis.reviewCadence() == null ? null : analysis.reviewCadence().quote(),
                analysis.priorities().count(), analysis.targets().size(), analysis.exclusions().size(),
                DocumentFacts.signatory(analysis),
                readings(document, profile).stream().filter(CharacteristicReading::ownScoreWellAbove)
                        .map(CharacteristicReading::gap).toList());
    }

    private static List<CharacteristicScores> scores(TrustProfile profile) {
        return profile.rows().stream()
                .map(r -> new CharacteristicScores(r.characteristic().position(), r.characteristic().code(),
                        r.characteristic().name(), r.score().orElse(null), r.previous().orElse(null),
                        r.ics(), r.national(), r.peer()))
                .toList();
    }
}
