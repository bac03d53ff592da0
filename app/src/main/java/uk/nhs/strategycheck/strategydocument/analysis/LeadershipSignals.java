package uk.nhs.strategycheck.strategydocument.analysis;

import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.at;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.has;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Foreword;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Priorities;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Sign;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.SignatoryRole;

/**
 * LEADERSHIP: who signs the foreword (L1), whether the board owns the strategy (L2), and whether
 * its objectives are about technology rather than patients and staff (L3).
 */
final class LeadershipSignals {

    record Findings(Foreword foreword, List<Signal> signals) {
    }

    private static final Pattern FOREWORD_HEADING = words("^(foreword|preface|welcome|a message from|message from|"
            + "introduction|introducing|opening statement)|\\bforeword\\b");
    /** Most senior first: a foreword signed by several people counts for the most senior. */
    private static final Map<SignatoryRole, Pattern> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put(SignatoryRole.CHIEF_EXECUTIVE, words("\\bchief executive(?! officer of)\\b|\\bCEO\\b"));
        ROLES.put(SignatoryRole.CHAIR, words("\\bchair(man|woman|person)?\\b(?! of the (digital|programme|"
                + "steering|clinical|design))"));
        ROLES.put(SignatoryRole.BOARD, words("on behalf of the (trust )?board|\\bthe trust board\\b|"
                + "\\bboard of directors\\b"));
        ROLES.put(SignatoryRole.DIGITAL_LEAD, words("chief (clinical |nursing )?(digital|information|technology|"
                + "data)( and information| and technology)? officer|\\b(CDIO|CDO|CIO|CTO|CCIO|CNIO|CMIO)\\b|"
                + "director of (digital|it|information technology|informatics|ict)|digital director|"
                + "head of (digital|it|ict|informatics)"));
        ROLES.put(SignatoryRole.OTHER, words("\\bdirector( of [\\w&]+( and [\\w&]+)?)?\\b|chief (operating|financial|finance|medical|nursing|"
                + "people) officer|\\bchief nurse\\b"));
    }

    private static final int SIGNATURE_WORDS = 14;
    /** After a role, "of" or a comma and an organisation that is plainly not part of the NHS. */
    private static final Pattern ROLE_ELSEWHERE = Pattern.compile("^\\s*(?:,|\\bof\\b|\\bat\\b)\\s*(?:the\\s+)?"
            + "([A-Z][\\w&.]*(?:\\s+[A-Z][\\w&.]*)*)");
    private static final Pattern NHS_BODY = words("NHS|trust|foundation|hospital|health|care|board|ICB|ICS|council|"
            + "our|integrated|university hospitals|partnership");
    private static final Pattern GLOSSARY_LINE = Pattern.compile("^([A-Z]{2,6})s?\\s*[:=\\-–]?\\s+(.+)$");

    private static final Pattern BOARD_OWNS = words("(approved|endorsed|agreed|signed off|ratified|adopted|"
            + "supported) by (the|our) (whole |full )?(trust |unitary |public )?board|board (has |have )?(formally )?"
            + "(approved|endorsed|agreed|signed off|ratified|owns)|(report|reports|reported|reporting)\\b.{0,60}"
            + "\\bto (the|our) (trust |public )?board\\b|(executive|board[- ]level) sponsor|senior responsible owner|"
            + "\\bthe (trust )?board (will|receives|oversees|reviews|holds)");
    private static final Pattern NOT_A_BOARD_OF_DIRECTORS = words("notice ?board|white ?board|board rounds?\\b|"
            + "bed board|status board|display board|patient board|electronic board|digital board");

    private static final Pattern TECHNOLOGY = words("\\b(system|systems|platform|platforms|software|cloud|"
            + "infrastructure|network|servers?|data centre|hardware|applications?|apps?|portal|EPR|"
            + "electronic patient record|integration engine|data warehouse|devices|wi-?fi|microsoft 365|"
            + "technology|technologies|tools|blockchain|metaverse|digital twins?|artificial intelligence|AI|robotic)\\b");
    private static final Pattern OUTCOME = words("\\b(patients?|staff|people|carers?|families|residents|"
            + "communities|clinicians?|colleagues|service users|citizens|population|safer|safety|outcomes?|"
            + "waiting|time to care|experience|health inequalit\\w*|wellbeing|care)\\b");
    private static final Pattern TECHNICAL_NAMES_OF_CARE = words("patient records?|patient administration|"
            + "health records?|care records?");

    private LeadershipSignals() {
    }

    static Findings find(StrategyText text, Priorities priorities) {
        List<Signal> signals = new ArrayList<>();
        Foreword foreword = foreword(text);
        switch (foreword.signatoryRole()) {
            case CHIEF_EXECUTIVE, CHAIR, BOARD ->
                    signals.add(new Signal("L1", Sign.GOOD, foreword.quote(), foreword.page()));
            case DIGITAL_LEAD -> signals.add(new Signal("L1", Sign.BAD, foreword.quote(), foreword.page()));
            default -> { }
        }
        for (Sentence sentence : text.sentences()) {
            int at = at(BOARD_OWNS, sentence.plain());
            if (at >= 0 && !has(NOT_A_BOARD_OF_DIRECTORS, sentence.text())) {
                signals.add(Excerpt.signal("L2", Sign.GOOD, sentence, at));
            }
        }
        signals.addAll(technologyObjectives(priorities));
        return new Findings(foreword, signals);
    }

    /** The most senior signatory of any foreword or introduction; UNKNOWN when none is found. */
    static Foreword foreword(StrategyText text) {
        // A signature says more than a heading such as "Foreword from our Chair", so it is quoted first.
        List<Sentence> candidates = forewordSentences(text).stream()
                .sorted(Comparator.comparing((Sentence s) -> s.heading() && has(FOREWORD_HEADING, s.text())))
                .toList();
        for (SignatoryRole role : ROLES.keySet()) {
            for (int i = 0; i < candidates.size(); i++) {
                Sentence line = candidates.get(i);
                if (signs(line, ROLES.get(role))) {
                    Sentence before = i > 0 ? candidates.get(i - 1) : null;
                    boolean nameAbove = before != null && before.heading() && before.page() == line.page()
                            && StrategyText.countWords(before.text()) <= 4 && !has(FOREWORD_HEADING, before.text())
                            && ROLES.values().stream().noneMatch(other -> has(other, before.text()));
                    String quote = nameAbove ? before.text() + " " + line.text() : line.text();
                    return new Foreword(role, Excerpt.of(new Sentence(quote, quote, line.page(), line.paragraph(),
                            false, false, line.section()), 0), line.page());
                }
            }
        }
        return new Foreword(SignatoryRole.UNKNOWN, null, null);
    }

    /** The sentences of the forewords, or of the whole document when it has no foreword heading. */
    private static List<Sentence> forewordSentences(StrategyText text) {
        List<Sentence> all = text.sentences();
        List<Sentence> inForewords = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Sentence start = all.get(i);
            if (!start.heading() || !has(FOREWORD_HEADING, start.text()) || Patterns.inReferenceSection(start)) {
                continue;
            }
            inForewords.add(start);
            for (int j = i + 1; j < all.size(); j++) {
                Sentence next = all.get(j);
                boolean newSection = next.heading() && StrategyText.countWords(next.text()) > 4
                        && ROLES.values().stream().noneMatch(role -> has(role, next.text()));
                if (newSection || next.page() > start.page() + 2) {
                    break;
                }
                inForewords.add(next);
            }
        }
        if (!inForewords.isEmpty()) {
            return inForewords;
        }
        return all.stream().filter(sentence -> !Patterns.inReferenceSection(sentence)).toList();
    }

    /** A short line naming the role: a signature or a heading, not a sentence, a glossary entry or a quote. */
    private static boolean signs(Sentence line, Pattern role) {
        String text = line.plain().strip();
        if (StrategyText.countWords(text) > SIGNATURE_WORDS || isGlossaryEntry(text)) {
            return false;
        }
        Matcher matcher = role.matcher(text);
        while (matcher.find()) {
            Matcher elsewhere = ROLE_ELSEWHERE.matcher(text.substring(matcher.end()));
            if (!elsewhere.find() || has(NHS_BODY, elsewhere.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** "CEO Chief Executive Officer": an abbreviation followed by words whose initials spell it. */
    static boolean isGlossaryEntry(String line) {
        Matcher matcher = GLOSSARY_LINE.matcher(line);
        if (!matcher.matches()) {
            return false;
        }
        StringBuilder initials = new StringBuilder();
        for (String word : matcher.group(2).split("[\\s\\-]+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                initials.append(word.charAt(0));
            }
        }
        return initials.toString().startsWith(matcher.group(1));
    }

    /** L3: most of the priorities are systems to buy or build rather than outcomes for people. */
    private static List<Signal> technologyObjectives(Priorities priorities) {
        List<Priorities.Item> technical = priorities.items().stream().filter(item -> {
            String withoutRecords = TECHNICAL_NAMES_OF_CARE.matcher(item.text()).replaceAll("record");
            return has(TECHNOLOGY, item.text()) && !has(OUTCOME, withoutRecords);
        }).toList();
        if (technical.size() < 2 || technical.size() * 2 < priorities.items().size()) {
            return List.of();
        }
        return technical.stream().map(item -> new Signal("L3", Sign.BAD, item.text(), item.page())).toList();
    }
}
