package uk.nhs.strategycheck.strategydocument.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentRejected.Reason;

/**
 * Reads a strategy document and shows what it says, per characteristic, with the quotes and
 * pages that back each signal and a suggested score with the rule that produced it. Rules only:
 * no model and nothing downloaded. One instance serves every request (it keeps no state per
 * document).
 */
public final class StrategyAnalyser {

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    static final Duration TIME_LIMIT = Duration.ofSeconds(30);
    /** Far more than a strategy (a 100-page one has about 300,000 characters). */
    static final int CHARACTER_LIMIT = 5_000_000;
    static final long COMPRESSION_RATIO_LIMIT = 100;
    /** Fewer words than this is a note or a cover, not a strategy. */
    static final int FEWEST_WORDS = 150;
    /** A strategy shows at least this many different signals of the catalogue. */
    static final int FEWEST_SIGNAL_CODES = 3;
    private static final Pattern STRATEGY_WORDS = Patterns.words("\\b(strateg\\w*|priorit\\w*|objectives?|"
            + "ambitions?|vision|roadmap|plan|programmes?|goals?)\\b");
    private static final int FEWEST_STRATEGY_WORDS = 3;

    private final TextExtractor extractor;

    public StrategyAnalyser() {
        this(TIME_LIMIT);
    }

    /** With another time limit for reading a file (tests). */
    StrategyAnalyser(Duration timeLimit) {
        this.extractor = new TextExtractor(timeLimit, CHARACTER_LIMIT, COMPRESSION_RATIO_LIMIT);
    }

    public DocumentAnalysis analyse(String fileName, byte[] content, AnalysisProgress progress)
            throws DocumentRejected {
        progress.reached(0.0, "Reading the file");
        checkSize(content);
        ExtractedText extracted = extractor.extract(content, progress);
        StrategyText text = StrategyText.of(extracted.pages(), progress);
        if (text.words() < FEWEST_WORDS) {
            throw notAStrategy(text.words() + " words is too short for a strategy");
        }
        progress.reached(0.75, "Finding signals");
        DocumentAnalysis analysis = analyse(fileName, extracted.mediaType(), text);
        progress.reached(1.0, "Done");
        return analysis;
    }

    private static void checkSize(byte[] content) throws DocumentRejected {
        if (content == null || content.length == 0) {
            throw new DocumentRejected(Reason.EMPTY, "This file is empty (0 bytes). Check you chose the right file, "
                    + "and upload the strategy document itself.");
        }
        if (content.length > MAX_BYTES) {
            throw new DocumentRejected(Reason.TOO_LARGE, String.format(Locale.UK, "This file is %.1f MB; the largest we accept "
                    + "is %d MB. Save the strategy without large pictures (for example \"Reduce file size\" when saving "
                    + "as PDF) and upload that.", content.length / 1048576.0, MAX_BYTES / 1048576));
        }
        if (isBlank(content)) {
            throw new DocumentRejected(Reason.EMPTY, "This file has no words in it, only blank space. Check you chose "
                    + "the right file, and upload the strategy document itself.");
        }
    }

    private static boolean isBlank(byte[] content) {
        for (byte b : content) {
            if (!Character.isWhitespace(b) && b != 0) {
                return false;
            }
        }
        return true;
    }

    private static DocumentAnalysis analyse(String fileName, String mediaType, StrategyText text)
            throws DocumentRejected {
        FocusSignals.Findings focus = FocusSignals.find(text);
        LeadershipSignals.Findings leadership = LeadershipSignals.find(text, focus.priorities());
        ContextSignals.Findings context = ContextSignals.find(text);
        BasicsSignals.Findings basics = BasicsSignals.find(text, focus.priorities());
        ClaritySignals.Findings clarity = ClaritySignals.find(text);
        HorizonSignals.Findings horizon = HorizonSignals.find(text);
        List<Signal> signals = new ArrayList<>();
        signals.addAll(leadership.signals());
        signals.addAll(context.signals());
        signals.addAll(basics.signals());
        signals.addAll(clarity.signals());
        signals.addAll(horizon.signals());
        signals.addAll(focus.signals());
        signals.addAll(CultureSignals.find(text));
        long codes = signals.stream().map(Signal::code).distinct().count();
        long strategyWords = text.sentences().stream()
                .mapToLong(s -> Patterns.count(STRATEGY_WORDS, s.plain())).sum();
        if (codes < FEWEST_SIGNAL_CODES || strategyWords < FEWEST_STRATEGY_WORDS) {
            throw notAStrategy("it says almost nothing about priorities, plans, systems or people");
        }
        ScoreRules.Evidence evidence = new ScoreRules.Evidence(signals, leadership.foreword(), horizon.horizon(),
                focus.priorities().count(), basics.basicsInPriorities(), basics.emergingBeforeBasics(),
                clarity.vaguePerThousand());
        return new DocumentAnalysis(fileName, mediaType, text.pages(), text.words(), horizon.horizon(),
                horizon.reviewCadence(), leadership.foreword(), focus.priorities(), clarity.targets(),
                focus.exclusions(), basics.basics(), basics.emerging(), context.userResearch(),
                ScoreRules.score(evidence));
    }

    private static DocumentRejected notAStrategy(String why) {
        return new DocumentRejected(Reason.NOT_A_STRATEGY, "We could read this file, but it does not look like a "
                + "digital strategy: " + why + ". Check you chose the right file, and upload the strategy document "
                + "itself.");
    }
}
