package uk.nhs.strategycheck.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.reporting.ActionItem;
import uk.nhs.strategycheck.reporting.BoardPackData;
import uk.nhs.strategycheck.reporting.CharacteristicScores;
import uk.nhs.strategycheck.reporting.EvidenceItem;
import uk.nhs.strategycheck.reporting.MedianFigure;
import uk.nhs.strategycheck.reporting.NationalPackData;
import uk.nhs.strategycheck.reporting.StrategyDocumentRow;
import uk.nhs.strategycheck.reporting.TrustReportData;

/**
 * Before the service reports ready, fills and exports a small board pack, trust report and national
 * pack of made-up figures and runs the report and benchmark queries once, so that the first real
 * report after a start does not pay for loading Jasper, its fonts, PDF export and the query paths
 * (measured before the warm-up: 4.5-7.8 s against 2 s warm). An ApplicationRunner finishes before Spring Boot sets readiness to ACCEPTING_TRAFFIC,
 * so no user is sent here until it is done. The PDFs need no database: {@link ReportWarmUpStart}
 * begins them on a thread of their own as the application starts. The queries need the beans, so
 * they begin as soon as every bean is made, while the web servers start (a cold connection pool and
 * cold query paths took 0.6-1.1 s, the last part of a start to finish); the runner waits for both.
 */
@Component
@ConditionalOnProperty(name = ReportWarmUp.ENABLED, havingValue = "true", matchIfMissing = true)
public class ReportWarmUp implements SmartInitializingSingleton, ApplicationRunner {

    /** The setting that turns the warm-up off (DSC_REPORTS_WARM_UP=false); on unless set. */
    static final String ENABLED = "dsc.reports.warm-up";
    private static final Logger LOG = LoggerFactory.getLogger(ReportWarmUp.class);
    /** As many trusts as the largest real ICS: the benchmarks' made-up pack. */
    public static final int LARGEST_ICS_TRUSTS = 16;
    /** England's trusts: the benchmarks' made-up national pack. */
    public static final int ENGLAND_TRUSTS = 205;
    /** Enough trusts for every section of the national pack, charts and the unscored list included. */
    static final int WARM_UP_TRUSTS = 8;
    /** How many times the made-up PDFs are made; see {@link ReportWarmUpStart}. */
    static final int PDF_ROUNDS = 2;
    /**
     * How many times the queries run: more of their code is compiled (a first real pack 1 s after its
     * page opened took 89 ms instead of 115), and they still finish before the rest of a start (5
     * rounds took about 0.3 s; 20 rounds 0.7 s, which held the start up by 0.4 s).
     */
    static final int QUERY_ROUNDS = 5;
    private static final int CHARACTERISTICS = 7;
    private static final int REGIONS = 7;
    private static final int ICSS = 42;

    private final ReportWarmUpStart.MadeUpReports madeUp;
    private final ReportRepository reports;
    private final BenchmarkService benchmarks;
    private final TransactionTemplate readOnly;
    private volatile CompletableFuture<Long> queried;
    private volatile long finishedAtMillis;

    ReportWarmUp(ReportWarmUpStart.MadeUpReports madeUp, ReportRepository reports, BenchmarkService benchmarks,
                 PlatformTransactionManager transactions) {
        this.madeUp = madeUp;
        this.reports = reports;
        this.benchmarks = benchmarks;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public void afterSingletonsInstantiated() {
        queried = ReportWarmUpStart.onThreadOfItsOwn("report-query-warm-up", () -> {
            long started = System.nanoTime();
            // No scope is entered: row level security lets the queries run and shows them no rows.
            for (int round = 0; round < QUERY_ROUNDS; round++) {
                readOnly.executeWithoutResult(status -> {
                    var none = new ReportRepository.AssessmentRef(0, 0, "APPROVED");
                    reports.assessment(0, 0, "warm-up");
                    reports.evidence(none);
                    reports.actions(none);
                    reports.openActions(List.of(0L), List.of(0L), "warm-up", 3);
                    reports.trustId("warm-up");
                    benchmarks.warmUp();
                });
            }
            return (System.nanoTime() - started) / 1_000_000;
        });
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        // A query or PDF that fails made up would fail for real: the start fails.
        long queryMillis = queried.join();
        int bytes = madeUp.bytes();
        finishedAtMillis = System.currentTimeMillis();
        LOG.info("Reports warmed up: the report queries took {} ms and three PDFs ({} KB) were made; the start waited {} ms for them",
                queryMillis, bytes / 1024, (System.nanoTime() - started) / 1_000_000);
    }

    /** When the warm-up finished (epoch milliseconds; 0 while it has not). */
    long finishedAtMillis() {
        return finishedAtMillis;
    }

    /** A board pack of made-up figures for an ICS of so many trusts (also timed by the benchmarks). */
    public static BoardPackData boardPackData(int trusts) {
        var summaries = IntStream.rangeClosed(1, CHARACTERISTICS)
                .mapToObj(c -> new BoardPackData.CharacteristicSummary(c, "C" + c, "Characteristic " + c,
                        median(c), median(c + 1)))
                .toList();
        var profiles = new ArrayList<BoardPackData.TrustProfile>();
        var documents = new ArrayList<StrategyDocumentRow>();
        for (int t = 1; t <= trusts; t++) {
            profiles.add(new BoardPackData.TrustProfile("Trust " + t, "T" + t, "Acute", "APPROVED", scores(t),
                    List.of(action(t))));
            documents.add(new StrategyDocumentRow("Trust " + t, "T" + t, t % 2 == 0, "2024 to 2027 (3 years)", "Yearly",
                    5, 8, 1, "The board", List.of()));
        }
        return new BoardPackData("Warm-up", "QWU", "2026/27", "2025/26", LocalDate.now(), trusts, trusts, trusts,
                summaries, profiles, null, documents);
    }

    /** A national pack of made-up figures: 7 regions, 42 ICSs and so many trusts (England has 205). */
    public static NationalPackData nationalPackData(int trustCount) {
        var characteristics = IntStream.rangeClosed(1, CHARACTERISTICS)
                .mapToObj(c -> new NationalPackData.Characteristic(c, "C" + c, "Characteristic " + c, median(c)))
                .toList();
        var medians = IntStream.rangeClosed(1, CHARACTERISTICS).mapToObj(ReportWarmUp::median).toList();
        var regions = IntStream.rangeClosed(1, REGIONS)
                .mapToObj(r -> new NationalPackData.Area("Y" + r, "Region " + r, null, 30, 25, 20, medians)).toList();
        var icss = IntStream.rangeClosed(1, ICSS)
                .mapToObj(i -> new NationalPackData.Area("Q" + i, "ICS " + i, "Region " + (i % REGIONS + 1), 5, 4, 3, medians))
                .toList();
        var trusts = IntStream.rangeClosed(1, trustCount)
                .mapToObj(t -> new NationalPackData.Trust("Trust " + t, "T" + t, "Acute", "ICS " + (t % ICSS + 1),
                        "Region " + (t % REGIONS + 1), t % 4 == 0 ? "DRAFT" : "APPROVED",
                        scores(t).stream().map(s -> t % 4 == 0 ? null : s.score()).toList()))
                .toList();
        return new NationalPackData("2026/27", LocalDate.now(), null, characteristics, regions, icss, trusts);
    }

    /** A trust report of made-up figures. */
    public static TrustReportData trustReportData() {
        var evidence = IntStream.rangeClosed(1, CHARACTERISTICS)
                .mapToObj(c -> new EvidenceItem(c + ". Characteristic " + c, "S" + c, "Statement " + c, c % 5,
                        "Level " + c % 5, "Evidence for statement " + c))
                .toList();
        return new TrustReportData("Trust 1", "T1", "Acute", "Warm-up ICS", "2026/27", "APPROVED", "2025/26",
                LocalDate.now(), scores(1), evidence, List.of(action(1)), null);
    }

    private static List<CharacteristicScores> scores(int trust) {
        return IntStream.rangeClosed(1, CHARACTERISTICS)
                .mapToObj(c -> new CharacteristicScores(c, "C" + c, "Characteristic " + c, score(trust + c),
                        score(trust + c + 1), median(c), median(c + 1), median(c + 2)))
                .toList();
    }

    private static MedianFigure median(int seed) {
        return new MedianFigure(score(seed), 12);
    }

    private static BigDecimal score(int seed) {
        return BigDecimal.valueOf(seed % 5).add(BigDecimal.valueOf(seed % 3, 1));
    }

    private static ActionItem action(int trust) {
        return new ActionItem("Characteristic 1", "Action of trust " + trust, "Chief digital officer",
                LocalDate.now().plusMonths(3), "In progress");
    }
}
