package uk.nhs.strategycheck.strategydocument.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Horizon;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Priorities;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.SignatoryRole;

/** The traps of the signal catalogue (STRATEGY-CHECK.md), each beside the real signal it must not be mistaken for. */
class StrategyTrapsTest {

    @Test
    void aQuotedChiefExecutiveOfAnotherCompanyIsNotTheSignatory() {
        assertThat(role("""
                Foreword
                As Satya Nadella, the CEO of Microsoft, said, "every company is now a software company".
                Satya Nadella, CEO of Microsoft
                Jo Bloggs
                Director of Strategy""")).isEqualTo(SignatoryRole.OTHER);
        assertThat(role("""
                Foreword
                Our plan in brief.
                Jo Bloggs, Chief Executive of Riverside NHS Foundation Trust""")).isEqualTo(SignatoryRole.CHIEF_EXECUTIVE);
    }

    @Test
    void aGlossaryLineIsNotASignatory() {
        assertThat(role("""
                Our plan
                We will fix the basics first.
                Glossary
                CEO Chief Executive Officer
                CDIO Chief Digital Information Officer""")).isEqualTo(SignatoryRole.UNKNOWN);
        assertThat(LeadershipSignals.isGlossaryEntry("CEO Chief Executive Officer")).isTrue();
        assertThat(LeadershipSignals.isGlossaryEntry("Jo Bloggs, Chief Executive")).isFalse();
    }

    @Test
    void aJobTitleInAListOfContributorsIsNotASignatory() {
        assertThat(role("""
                About this strategy
                It was written with clinical leads.
                Contributors
                Sam Lee, Chief Executive
                Ann Roy, Chief Clinical Information Officer""")).isEqualTo(SignatoryRole.UNKNOWN);
    }

    @Test
    void onlyADigitalLeadSigningIsTheDigitalLead() {
        assertThat(role("""
                Introduction from our Chief Digital Officer
                This plan is ours.
                Mark Ellison
                Chief Digital Officer""")).isEqualTo(SignatoryRole.DIGITAL_LEAD);
    }

    @Test
    void weWillNotBeAbleToIsNotAnExclusion() {
        assertThat(exclusions("We will not be able to replace every system in this period.")).isEmpty();
    }

    @Test
    void weWillNotTolerateIsNotAnExclusion() {
        assertThat(exclusions("We will not tolerate staff being unable to log in.")).isEmpty();
    }

    @Test
    void willNotOnlyButAlsoIsNotAnExclusion() {
        assertThat(exclusions("We will not only replace old laptops but also train a digital champion in every team."))
                .isEmpty();
    }

    @Test
    void whatWeWillNotDoIsAnExclusion() {
        assertThat(exclusions("""
                We will not build our own patient app.
                We have chosen not to replace the pharmacy system until 2027.
                Robotics is not a priority for us.""")).hasSize(3);
    }

    @Test
    void aSurveyBaselineIsNotATarget() {
        assertThat(targets("35% of our service users said they could not get through on the phone.")).isEmpty();
        assertThat(targets("We will cut calls to our appointments line by 30% by March 2027.")).hasSize(1);
    }

    @Test
    void aPageNumberIsNotATarget() {
        assertThat(targets("""
                Further detail on each objective is on page 12 of the appendix.
                Page 4 of 16""")).isEmpty();
    }

    @Test
    void aYearInATitleIsNotATarget() {
        assertThat(targets("""
                Digital Strategy 2025-2028
                Our Digital Vision 2030""")).isEmpty();
    }

    @Test
    void aMeasurableDifferenceWithNoNumberIsNotATarget() {
        assertThat(targets("Our transformation programme will make a measurable difference to patients.")).isEmpty();
    }

    @Test
    void by2035InAQuoteOfNationalPolicyIsNotTheHorizon() {
        String nationalQuote = "The government's plan says that \"every patient will have a single digital record that "
                + "follows them across care settings by 2035\", and we support that.";
        assertThat(horizon(nationalQuote)).isNull();
        Horizon ours = horizon("Digital Strategy 2025-2028\n" + nationalQuote);
        assertThat(ours.from()).isEqualTo(2025);
        assertThat(ours.to()).isEqualTo(2028);
    }

    @Test
    void datesOfPastEventsAreNotTheHorizon() {
        assertThat(horizon("""
                Our story
                Between 2018 and 2020 we rolled out tablets to every ward.
                In 2019-2021 we replaced our patient administration system.""")).isNull();
    }

    @Test
    void financialYearsAreTheHorizon() {
        Horizon horizon = horizon("Digital and Data Strategy 2024/25 to 2026/27");
        assertThat(horizon.from()).isEqualTo(2024);
        assertThat(horizon.to()).isEqualTo(2027);
        assertThat(horizon.years()).isEqualTo(3);
    }

    @Test
    void artificialIntelligenceAfterTheBasicsAsALaterPhaseIsNotB2() {
        assertThat(basicsSignals("Once the electronic patient record is in place, we will explore artificial "
                + "intelligence for reading X-rays in a later phase.")).noneMatch(s -> s.code().equals("B2"));
        assertThat(basicsSignals("We will deploy artificial intelligence across every service this year."))
                .anyMatch(s -> s.code().equals("B2"));
    }

    @Test
    void aNoticeboardOrWhiteboardIsNotTheBoard() {
        assertThat(leadershipSignals("""
                Progress will be shown on the staff noticeboard on each site.
                The electronic whiteboard on each ward will show results, reported to the ward manager.
                Ward teams use the white board in board rounds.""")).noneMatch(s -> s.code().equals("L2"));
        assertThat(leadershipSignals("The Trust Board approved this strategy in March 2025."))
                .anyMatch(s -> s.code().equals("L2"));
    }

    @Test
    void aSingleNationalPolicyReferenceIsNotCookieCutter() {
        assertThat(contextSignals("The NHS Long Term Plan asks every trust to offer digital access to services."))
                .noneMatch(s -> s.code().equals("C2"));
        assertThat(contextSignals("""
                We will be paperless in line with the Long Term Plan.
                We will be a digital first trust.
                What Good Looks Like is our framework.""")).anyMatch(s -> s.code().equals("C2"));
    }

    @Test
    void nationalStatisticsAreNotLocalContext() {
        assertThat(contextSignals("""
                Nationally, 75% of adults use a smartphone to manage their health.
                According to the Office for National Statistics, 92% of households have internet access.""")).isEmpty();
        assertThat(contextSignals("We surveyed 860 staff in September 2024.")).hasSize(1);
    }

    @Test
    void aStakeholderQuoteIsNotVagueLanguage() {
        String quoted = "\"Stop promising a seamless, world-class, cutting-edge, innovative transformation journey and "
                + "fix the basics,\" said a community matron.\nWe will fix the log-in problem this year.";
        assertThat(ClaritySignals.find(text(quoted)).vagueWords()).isZero();
        assertThat(ClaritySignals.find(text("We will deliver a seamless, world-class, cutting-edge journey.")).vagueWords())
                .isEqualTo(4);
    }

    @Test
    void bulletsAreNotAllPriorities() {
        Priorities priorities = FocusSignals.find(text("""
                Our priorities
                • One shared care record
                • Laptops for every community nurse
                • Digital skills for all staff
                Other things we heard about:
                • Parking at our bases
                • The staff canteen menu
                • Printing in colour
                • Phone contracts""")).priorities();
        assertThat(priorities.count()).isEqualTo(3);
    }

    @Test
    void moreThanSevenPrioritiesIsAWishList() {
        assertThat(FocusSignals.find(text("Our portfolio contains over 100 projects across the partnership.")).signals())
                .singleElement().satisfies(signal -> assertThat(signal.code() + signal.sign()).isEqualTo("F1BAD"));
    }

    @Test
    void aLongSentenceIsQuotedInAWindowOfAtMostTwentyFiveWords() {
        String sentence = "In the first year, after a long period of careful engagement with staff, patients, carers, "
                + "partners and the public across every one of our sites, we will reduce paper by 50% by March 2027, "
                + "and we will report progress every quarter to the board and to staff.";
        Sentence only = text(sentence).sentences().get(0);
        String quote = Excerpt.of(only, sentence.indexOf("reduce paper"));
        assertThat(quote).contains("reduce paper by 50% by March 2027").startsWith("...").endsWith("...");
        assertThat(quote.split(" ")).hasSizeLessThanOrEqualTo(Excerpt.MAX_WORDS);
        assertThat(sentence).contains(quote.replace("... ", "").replace(" ...", ""));
    }

    private static StrategyText text(String text) {
        return StrategyText.of(List.of(text));
    }

    private static SignatoryRole role(String text) {
        return LeadershipSignals.foreword(text(text)).signatoryRole();
    }

    private static List<?> exclusions(String text) {
        return FocusSignals.find(text(text)).exclusions();
    }

    private static List<?> targets(String text) {
        return ClaritySignals.find(text(text)).targets();
    }

    private static Horizon horizon(String text) {
        return HorizonSignals.find(text(text)).horizon();
    }

    private static List<Signal> basicsSignals(String text) {
        return BasicsSignals.find(text(text), new Priorities(0, List.of())).signals();
    }

    private static List<Signal> leadershipSignals(String text) {
        return LeadershipSignals.find(text(text), new Priorities(0, List.of())).signals();
    }

    private static List<Signal> contextSignals(String text) {
        return ContextSignals.find(text(text)).signals();
    }
}
