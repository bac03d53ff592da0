package uk.nhs.strategycheck.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Realistic report data: the framework's seven characteristics and statements, and member trusts with the longest real names. */
final class Fixtures {

    static final String FOOTPRINT = "As published: the integrated care systems as they were when the 2026/27 cycle closed.";

    static final LocalDate GENERATED = LocalDate.of(2026, 11, 25);

    /** code, name, and its four statements. */
    static final String[][] FRAMEWORK = {
            {"LEADERSHIP", "Led by the executive, framed as outcomes",
                    "The chief executive is the named owner of the digital strategy and presents it to the board.",
                    "Every strategic objective is stated as an outcome for patients, staff or the wider system, not as a technology deliverable.",
                    "Clinical, operational and digital leaders set and review digital priorities together.",
                    "The board receives regular reports on digital outcomes, not only on project status or IT spend."},
            {"CONTEXT", "Shaped by our context and our users",
                    "The strategy rests on evidence about our patients', staff's and population's needs (user research, service data).",
                    "It explains how it fits the integrated care system's shared plans and partners, and where it deliberately differs.",
                    "It reuses proven national or peer solutions where they fit our context, and says where and why.",
                    "Patients and staff helped shape and test the priorities."},
            {"BASICS", "Fixes the basics first",
                    "The state of the foundations (infrastructure, devices, connectivity, cyber security, core clinical systems, data quality) is assessed and the gaps are stated openly.",
                    "Fixing the basics is explicitly prioritised ahead of emerging technology.",
                    "Emerging technology (such as AI or automation) is adopted only against a defined problem, with evidence and a plan to evaluate it.",
                    "Staff experience of everyday technology (log-ins, devices, Wi-Fi) is measured and acted on."},
            {"CLARITY", "Clear, measurable and credible",
                    "Objectives are specific and measurable, with baselines and targets.",
                    "Each objective has an owner, a delivery plan (how), a timescale (when) and a rationale (why).",
                    "The plan is resourced (money and people) and its trade-offs are stated.",
                    "Progress against the measures is tracked and reported to the board."},
            {"HORIZON", "A near horizon, reviewed constantly",
                    "The strategy covers a horizon of one to five years.",
                    "It is aligned with the trust's strategic and operational plans and their planning cycle.",
                    "A review cycle (at least yearly) is scheduled, and past reviews changed the plan.",
                    "The milestones for the next twelve months are explicit."},
            {"FOCUS", "Prioritised, not a wish list",
                    "Priorities are few and ranked.",
                    "The strategy names what is not a priority or is deferred, and why.",
                    "It acknowledges what it cannot fix in its horizon and manages expectations.",
                    "New demands go through a transparent prioritisation process."},
            {"CULTURE", "Lived in culture, practices and processes",
                    "Services are run by multidisciplinary teams that work in a user-centred, iterative way.",
                    "Values and decision-making principles are written down and used in real decisions.",
                    "Staff across the organisation can describe the strategy's priorities in their own words.",
                    "Teams measure their services and improve them continuously (for example retrospectives, service performance data)."},
    };

    static final String[] LABELS = {"", "Not in place", "Emerging", "Developing", "Established", "Leading"};

    static final BigDecimal[] ICS_MEDIAN = dec("3.1", "2.8", "3.6", "2.6", "3.3", "2.1", "2.9");
    static final BigDecimal[] NATIONAL_MEDIAN = dec("3.0", "2.9", "3.2", "2.7", "3.0", "2.4", null);
    static final BigDecimal[] PEER_MEDIAN = dec("3.2", "3.0", "3.4", "2.5", "3.1", "2.3", "2.8");
    /** How many trusts the medians are over: the board pack's three approved members; England; acute specialist trusts. */
    static final int ICS_TRUSTS = 3;
    static final int NATIONAL_TRUSTS = 212;
    static final int PEER_TRUSTS = 41;

    /** Six trusts: three approved, one submitted, one draft, one returned; 4 of 6 submitted, 3 approved. */
    record Trust(String name, String ods, String type, String status, BigDecimal[] scores, BigDecimal[] previous) {
    }

    static final List<Trust> TRUSTS = List.of(
            new Trust("Birmingham Women's and Children's NHS Foundation Trust", "RQ3", "Acute specialist", "APPROVED",
                    dec("3.8", "2.3", "4.0", "2.6", "3.5", "1.8", "3.0"), dec("3.4", "2.3", "3.6", "2.9", "3.0", "1.5", "2.8")),
            new Trust("The Newcastle upon Tyne Hospitals NHS Foundation Trust", "RTD", "Acute teaching", "APPROVED",
                    dec("4.3", "3.5", "3.7", "3.3", "4.8", "2.9", "4.0"), dec("4.0", "3.3", "3.7", null, "4.5", "2.7", "3.8")),
            new Trust("Sherwood Forest Hospitals NHS Foundation Trust", "RK5", "Acute", "APPROVED",
                    dec("2.4", "2.5", "3.4", "1.0", "2.9", "2.0", "5.0"), null),
            new Trust("Isle of Wight NHS Trust", "R1F", "Combined", "SUBMITTED", nulls(), nulls()),
            new Trust("Walsall Healthcare NHS Trust", "RBK", "Acute", "DRAFT", nulls(), dec("2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6")),
            new Trust("Yeovil District Hospital NHS Foundation Trust", "RA4", "Acute", "RETURNED", nulls(), nulls()));

    private Fixtures() {
    }

    static BigDecimal[] dec(String... s) {
        BigDecimal[] out = new BigDecimal[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] == null ? null : new BigDecimal(s[i]);
        }
        return out;
    }

    static BigDecimal[] nulls() {
        return new BigDecimal[7];
    }

    static List<CharacteristicScores> scores(BigDecimal[] scores, BigDecimal[] previous) {
        return scores(scores, previous, ICS_TRUSTS);
    }

    /** The same, with the ICS medians over the given number of trusts (national ones have no Culture median: none approved). */
    static List<CharacteristicScores> scores(BigDecimal[] scores, BigDecimal[] previous, int icsTrusts) {
        List<CharacteristicScores> out = new ArrayList<>();
        for (int i = 0; i < FRAMEWORK.length; i++) {
            out.add(new CharacteristicScores(i + 1, FRAMEWORK[i][0], FRAMEWORK[i][1], scores[i], previous == null ? null : previous[i],
                    new MedianFigure(ICS_MEDIAN[i], icsTrusts), median(NATIONAL_MEDIAN[i], NATIONAL_TRUSTS),
                    new MedianFigure(PEER_MEDIAN[i], PEER_TRUSTS)));
        }
        return out;
    }

    /** No value: the database returned no median (none, or withheld below three trusts). */
    static MedianFigure median(BigDecimal value, int trusts) {
        return value == null ? MedianFigure.NONE : new MedianFigure(value, trusts);
    }

    static List<ActionItem> actions(int n) {
        String[][] samples = {
                {"FOCUS", "Publish a ranked list of no more than five digital priorities, with what is deferred and why", "Chief Digital Information Officer"},
                {"CONTEXT", "Run user research with patients and ward staff before the next refresh", "Head of User-Centred Design"},
                {"CLARITY", "Add baselines and targets to every objective", "Director of Strategy and Transformation"},
                {"LEADERSHIP", "Chief executive to present the strategy's outcome measures to the board quarterly", "Chief Executive"},
                {"CULTURE", "Start monthly retrospectives in every digital product team", "Deputy Chief Nursing Information Officer"},
        };
        List<ActionItem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] s = samples[i % samples.length];
            out.add(new ActionItem(s[0], s[1], s[2], LocalDate.of(2027, 1 + i % 12, 15), i % 2 == 0 ? "IN_PROGRESS" : "NOT_STARTED"));
        }
        return out;
    }

    static BoardPackData boardPack() {
        return boardPack("South East London ICS", "QKK", TRUSTS);
    }

    static BoardPackData boardPack(String ics, String ods, List<Trust> trusts) {
        return boardPack(ics, ods, trusts, ICS_TRUSTS);
    }

    static BoardPackData boardPack(String ics, String ods, List<Trust> trusts, int icsTrusts) {
        List<BoardPackData.CharacteristicSummary> chars = new ArrayList<>();
        for (int i = 0; i < FRAMEWORK.length; i++) {
            chars.add(new BoardPackData.CharacteristicSummary(i + 1, FRAMEWORK[i][0], FRAMEWORK[i][1],
                    new MedianFigure(ICS_MEDIAN[i], icsTrusts), median(NATIONAL_MEDIAN[i], NATIONAL_TRUSTS)));
        }
        List<BoardPackData.TrustProfile> profiles = new ArrayList<>();
        int submitted = 0;
        int approved = 0;
        for (int t = 0; t < trusts.size(); t++) {
            Trust tr = trusts.get(t);
            submitted += tr.status().equals("SUBMITTED") || tr.status().equals("APPROVED") ? 1 : 0;
            approved += tr.status().equals("APPROVED") ? 1 : 0;
            profiles.add(new BoardPackData.TrustProfile(tr.name(), tr.ods(), tr.type(), tr.status(),
                    scores(tr.scores(), tr.previous(), icsTrusts),
                    tr.status().equals("APPROVED") ? actions(3 + t % 3) : List.of()));
        }
        return new BoardPackData(ics, ods, "2026/27", "2025/26", GENERATED, trusts.size(), submitted, approved, chars, profiles,
                FOOTPRINT, strategyDocuments(trusts));
    }

    /**
     * The six real trusts' documents as an ICS leader sees them: Isle of Wight and Yeovil uploaded none.
     * Other trusts (the synthetic ones) get a plain row each, so a large ICS has a long table.
     */
    static List<StrategyDocumentRow> strategyDocuments(List<Trust> trusts) {
        List<StrategyDocumentRow> out = new ArrayList<>();
        for (Trust t : trusts) {
            out.add(switch (t.ods()) {
                case "RQ3" -> new StrategyDocumentRow(t.name(), t.ods(), true, "2024 to 2027 (3 years)", "Annually, by the board",
                        12, 1, 0, "Chief digital or information officer", List.of("Leadership: own 3.8, document 1"));
                case "RTD" -> new StrategyDocumentRow(t.name(), t.ods(), true, "2023 to 2033 (10 years)", null, 14, 3, 0,
                        "Chief executive", List.of("Horizon: own 4.8, document 2", "Culture: own 4.0, document 2"));
                case "RK5" -> new StrategyDocumentRow(t.name(), t.ods(), true, null, "Quarterly, at the digital board", 6, 0, 1,
                        "Not found", List.of());
                case "R1F", "RA4" -> new StrategyDocumentRow(t.name(), t.ods(), false, null, null, null, null, null, null, List.of());
                default -> new StrategyDocumentRow(t.name(), t.ods(), true, "2025 to 2028 (3 years)", "Annually", 4, 2, 1, "The board",
                        List.of());
            });
        }
        return out;
    }

    /** Suggested scores from Birmingham's document: two or more below its own score for Leadership (3.8) only. */
    private static final int[] SUGGESTED = {1, 3, 3, 2, 4, 2, 3};

    /** The rule behind each suggested score, in framework order. */
    private static final String[] RULES = {
            "4 or more when the chief executive, chair or board signs the foreword and the board owns the strategy; 1 when only the digital lead signs it and its objectives are technology.",
            "Good signs of local user research raise the score; national policy phrases with no local detail lower it.",
            "3 when the basics are named but emerging technology comes before them in the order of priorities.",
            "2 when there are few measurable targets and vague language is dense (more than 6 empty words per thousand).",
            "4 when the period is one to five years and a review cadence is stated.",
            "2 when more than seven priorities are named and no exclusions are stated.",
            "3 when training and governance are named but no measures are reported to the board.",
    };

    /** Signals per characteristic, in framework order (code, good sign, quote, page); none for Culture. */
    private static final Object[][][] SIGNALS = {
            {{"L1", false, "Foreword by Dr Priya Raman, Chief Digital and Information Officer", 2},
                    {"L3", false, "Objective 1: deploy a new cloud platform and replace the integration engine", 4}},
            {{"C1", true, "We surveyed 1,240 staff and ran 18 co-design sessions with families at the children's hospital", 3},
                    {"C2", false, "We will be digital first and paperless, in line with What Good Looks Like", 3}},
            {{"B1", true, "Our first priority is a single electronic patient record across both hospitals", 5},
                    {"B2", false, "We will pilot artificial intelligence for radiology triage in 2025", 5}},
            {{"K1", true, "Reduce paper records by 50% by March 2027", 7}},
            {{"H1", true, "Our digital strategy 2024 to 2027", 1},
                    {"H2", true, "The strategy will be reviewed annually by the board", 9}},
            {{"F1", false, "Our twelve digital ambitions", 6}},
            {},
    };

    private static final String[] SIGNAL_CODES = {"L2", "C1", "B1", "K1", "H2", "F2", "U1"};

    /**
     * A document far beyond what the check keeps (25-word quotes): a dozen signals per characteristic,
     * quotes of about 70 words and one unbroken address, so the annex must wrap and flow over pages.
     */
    static StrategyDocumentSummary longStrategyDocument(List<CharacteristicScores> scores) {
        List<StrategyDocumentSummary.Characteristic> chars = new ArrayList<>();
        for (int i = 0; i < FRAMEWORK.length; i++) {
            List<StrategyDocumentSummary.Evidence> signals = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                String quote = i == 0 && k == 0
                        ? "The full plan is at https://www.bwc.nhs.uk/about-us/publications/digital-strategy-2024-2027-full-document-with-appendices-and-board-papers.pdf"
                        : "Signal " + (i + 1) + "-" + (k + 1) + ": " + FRAMEWORK[i][2 + k % 4] + " " + FRAMEWORK[i][2 + (k + 1) % 4]
                        + " We will report progress to the board every quarter and publish it for staff and patients.";
                signals.add(new StrategyDocumentSummary.Evidence(SIGNAL_CODES[i], true, quote, 1 + (i * 12 + k) % 80));
            }
            chars.add(new StrategyDocumentSummary.Characteristic(i + 1, FRAMEWORK[i][0], FRAMEWORK[i][1], SUGGESTED[i],
                    scores.get(i).score(), wellAbove(scores.get(i).score(), SUGGESTED[i]), RULES[i], signals));
        }
        return new StrategyDocumentSummary("A very long strategy with appendices.docx", LocalDate.of(2026, 9, 30), 80,
                "2024 to 2027 (3 years)", null, null, 40, 25, 3, chars);
    }

    /** Birmingham's strategy document, its own scores beside each characteristic's suggestion. */
    static StrategyDocumentSummary strategyDocument(List<CharacteristicScores> scores) {
        List<StrategyDocumentSummary.Characteristic> chars = new ArrayList<>();
        for (int i = 0; i < FRAMEWORK.length; i++) {
            List<StrategyDocumentSummary.Evidence> signals = new ArrayList<>();
            for (Object[] s : SIGNALS[i]) {
                signals.add(new StrategyDocumentSummary.Evidence((String) s[0], (Boolean) s[1], (String) s[2], (Integer) s[3]));
            }
            chars.add(new StrategyDocumentSummary.Characteristic(i + 1, FRAMEWORK[i][0], FRAMEWORK[i][1], SUGGESTED[i],
                    scores.get(i).score(), wellAbove(scores.get(i).score(), SUGGESTED[i]), RULES[i], signals));
        }
        return new StrategyDocumentSummary("BWC digital strategy 2024-2027 (board approved).pdf", LocalDate.of(2026, 10, 3), 24,
                "2024 to 2027 (3 years)", "The strategy will be reviewed annually by the board", "Chief digital or information officer",
                12, 1, 0, chars);
    }

    /** The service's rule for the flag: the trust's own score 2 or more points above the document's. */
    private static boolean wellAbove(java.math.BigDecimal own, int suggested) {
        return own != null && own.compareTo(java.math.BigDecimal.valueOf(suggested + 2L)) >= 0;
    }

    /** A synthetic ICS of n trusts with fake names and varied scores. */
    static List<Trust> syntheticTrusts(int n) {
        List<Trust> out = new ArrayList<>();
        String[] suffix = {"NHS Foundation Trust", "NHS Trust", "Hospitals NHS Foundation Trust", "Community Healthcare NHS Trust"};
        for (int t = 0; t < n; t++) {
            BigDecimal[] s = new BigDecimal[7];
            BigDecimal[] p = new BigDecimal[7];
            for (int i = 0; i < 7; i++) {
                s[i] = BigDecimal.valueOf(10 + (t * 7 + i * 13) % 41, 1);
                p[i] = BigDecimal.valueOf(10 + (t * 5 + i * 11) % 41, 1);
            }
            String status = t % 9 == 8 ? "DRAFT" : "APPROVED";
            out.add(new Trust("Fictional Borough " + (t + 1) + " and District " + suffix[t % suffix.length], "X" + (100 + t), "Acute", status,
                    status.equals("APPROVED") ? s : nulls(), p));
        }
        return out;
    }

    /** England's seven regions and 42 ICSs, by region; the national pack's fixture puts five trusts in most. */
    static final String[][] REGIONS = {
            {"North East and Yorkshire", "North East and North Cumbria ICS", "Humber and North Yorkshire ICS", "West Yorkshire ICS",
                    "South Yorkshire ICS"},
            {"North West", "Cheshire and Merseyside ICS", "Greater Manchester ICS", "Lancashire and South Cumbria ICS"},
            {"Midlands", "Birmingham and Solihull ICS", "Black Country ICS", "Coventry and Warwickshire ICS",
                    "Herefordshire and Worcestershire ICS", "Shropshire, Telford and Wrekin ICS", "Staffordshire and Stoke-on-Trent ICS",
                    "Derby and Derbyshire ICS", "Leicester, Leicestershire and Rutland ICS", "Lincolnshire ICS", "Northamptonshire ICS",
                    "Nottingham and Nottinghamshire ICS"},
            {"East of England", "Bedfordshire, Luton and Milton Keynes ICS", "Cambridgeshire and Peterborough ICS",
                    "Hertfordshire and West Essex ICS", "Mid and South Essex ICS", "Norfolk and Waveney ICS", "Suffolk and North East Essex ICS"},
            {"London", "North Central London ICS", "North East London ICS", "North West London ICS", "South East London ICS",
                    "South West London ICS"},
            {"South East", "Buckinghamshire, Oxfordshire and Berkshire West ICS", "Frimley ICS", "Hampshire and Isle of Wight ICS",
                    "Kent and Medway ICS", "Surrey Heartlands ICS", "Sussex ICS"},
            {"South West", "Bath and North East Somerset, Swindon and Wiltshire ICS", "Bristol, North Somerset and South Gloucestershire ICS",
                    "Cornwall and the Isles of Scilly ICS", "Devon ICS", "Dorset ICS", "Gloucestershire ICS", "Somerset ICS"},
    };
    /** Three trusts, one of them not approved: two approved, so every Somerset median is withheld. */
    static final String SMALL_ICS = "Somerset ICS";
    /** Each characteristic's typical national score in tenths: Basics strongest, Focus and Clarity weakest. */
    private static final int[] TYPICAL_TENTHS = {31, 30, 35, 28, 32, 28, 30};
    private static final String[] NOT_APPROVED = {"DRAFT", "SUBMITTED", "RETURNED", "NOT_STARTED"};
    private static final String[] TRUST_KINDS = {"Hospitals NHS Foundation Trust", "NHS Trust", "Community Healthcare NHS Trust",
            "Mental Health and Learning Disabilities NHS Foundation Trust", "University Hospitals NHS Foundation Trust"};

    /**
     * A national pack for 2026/27: 205 made-up trusts in England's 7 regions and 42 ICSs, every seventh without an
     * approved assessment, with medians worked out from the trusts as the database would, over the approved ones.
     */
    static NationalPackData nationalPack() {
        List<NationalPackData.Trust> trusts = new ArrayList<>();
        List<NationalPackData.Area> icss = new ArrayList<>();
        List<NationalPackData.Area> regions = new ArrayList<>();
        for (String[] region : REGIONS) {
            List<NationalPackData.Trust> inRegion = new ArrayList<>();
            for (int i = 1; i < region.length; i++) {
                String ics = region[i];
                // 205 in all: five in most ICSs, fewer in three.
                int members = switch (ics) {
                    case SMALL_ICS, "Lincolnshire ICS" -> 3;
                    case "North Central London ICS" -> 4;
                    default -> 5;
                };
                List<NationalPackData.Trust> inIcs = new ArrayList<>();
                for (int k = 0; k < members; k++) {
                    int t = trusts.size();
                    String place = ics.replace(" ICS", "").replaceAll(",.*| and .*", "");
                    boolean approved = ics.equals(SMALL_ICS) ? k < 2 : t % 7 != 6;
                    List<BigDecimal> scores = new ArrayList<>();
                    for (int c = 0; c < FRAMEWORK.length; c++) {
                        // A typical level per characteristic, an ICS-wide lean of up to 0.4 either way, and a trust's own spread.
                        int tenths = TYPICAL_TENTHS[c] + (icss.size() * 13 % 9 - 4) + ((t * 37 + c * 17) % 11 - 5);
                        scores.add(approved ? BigDecimal.valueOf(Math.max(10, Math.min(50, tenths)), 1) : null);
                    }
                    inIcs.add(new NationalPackData.Trust("Fictional " + place + " " + (k + 1) + " " + TRUST_KINDS[t % TRUST_KINDS.length],
                            "Y" + (100 + t), t % 4 == 0 ? "Community" : "Acute", ics, region[0],
                            approved ? "APPROVED" : NOT_APPROVED[t % NOT_APPROVED.length], scores));
                    trusts.add(inIcs.get(inIcs.size() - 1));
                }
                icss.add(area(ics, "Q" + (10 + icss.size()), region[0], inIcs));
                inRegion.addAll(inIcs);
            }
            regions.add(area(region[0], "Y" + (60 + regions.size()), null, inRegion));
        }
        List<NationalPackData.Characteristic> chars = new ArrayList<>();
        List<MedianFigure> national = medians(trusts);
        for (int c = 0; c < FRAMEWORK.length; c++) {
            chars.add(new NationalPackData.Characteristic(c + 1, FRAMEWORK[c][0], FRAMEWORK[c][1], national.get(c)));
        }
        return new NationalPackData("2026/27", GENERATED, FOOTPRINT, chars, regions, icss, trusts);
    }

    private static NationalPackData.Area area(String name, String ods, String parent, List<NationalPackData.Trust> trusts) {
        int approved = (int) trusts.stream().filter(t -> t.status().equals("APPROVED")).count();
        int submitted = approved + (int) trusts.stream().filter(t -> t.status().equals("SUBMITTED")).count();
        return new NationalPackData.Area(ods, name, parent, trusts.size(), submitted, approved, medians(trusts));
    }

    /** Each characteristic's median over the trusts with a score, with its count; the renderer withholds those under three. */
    static List<MedianFigure> medians(List<NationalPackData.Trust> trusts) {
        List<MedianFigure> out = new ArrayList<>();
        for (int c = 0; c < FRAMEWORK.length; c++) {
            int column = c;
            List<BigDecimal> s = trusts.stream().map(t -> t.scores().get(column)).filter(java.util.Objects::nonNull).sorted().toList();
            int n = s.size();
            out.add(n == 0 ? MedianFigure.NONE : new MedianFigure(n % 2 == 1 ? s.get(n / 2)
                    : s.get(n / 2 - 1).add(s.get(n / 2)).divide(BigDecimal.valueOf(2)), n));
        }
        return out;
    }

    static TrustReportData trustReport() {
        Trust t = TRUSTS.get(0);
        List<EvidenceItem> evidence = new ArrayList<>();
        int[] statementScores = {4, 4, 3, 4, 2, 3, 2, 2, 4, 4, 4, 4, 3, 3, 2, 2, 4, 3, 4, 3, 2, 2, 2, 1, 3, 3, 3, 3};
        for (int c = 0; c < FRAMEWORK.length; c++) {
            for (int s = 0; s < 4; s++) {
                int score = statementScores[c * 4 + s];
                evidence.add(new EvidenceItem(FRAMEWORK[c][0], "S" + (s + 1), FRAMEWORK[c][2 + s], score, LABELS[score],
                        "Board minutes of 12 March 2026 record the discussion; see the digital strategy, section " + (c + 1) + "." + (s + 1)
                                + (s == 0 ? ". The refreshed strategy was co-produced with the patient panel and the clinical reference group, and the"
                                + " evidence pack includes the survey results from 1,240 staff across all sites." : "")));
            }
        }
        List<CharacteristicScores> scores = scores(t.scores(), t.previous());
        return new TrustReportData(t.name(), t.ods(), t.type(), "Birmingham and Solihull ICS", "2026/27", t.status(), "2025/26",
                GENERATED, scores, evidence, actions(5), strategyDocument(scores));
    }

    /** The same report with another strategy document, or none. */
    static TrustReportData withDocument(TrustReportData d, StrategyDocumentSummary document) {
        return new TrustReportData(d.trustName(), d.odsCode(), d.trustType(), d.icsName(), d.cycleName(), d.status(),
                d.previousCycleName(), d.generatedOn(), d.scores(), d.evidence(), d.actions(), document);
    }
}
