package uk.nhs.strategycheck.strategydocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.OrganisationFixture;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.reports.ReportService;
import uk.nhs.strategycheck.strategydocument.analysis.AnalysisProgress;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;
import uk.nhs.strategycheck.strategydocument.analysis.StrategyFixtures;

/**
 * The strategy document beside the self-assessment, against PostgreSQL as the application role:
 * upload, versions, races, who reads it, the gaps an approver sees, the ICS comparison and the
 * reports. Uses a test trust of its own in South East London (ZSD1), and its own users.
 */
@IntegrationTest
class StrategyDocumentServiceTest {

    private static final String DOMAIN = "@strategy-documents.test";
    private static final String EDITOR = "editor" + DOMAIN;
    private static final String APPROVER = "approver" + DOMAIN;
    private static final String VIEWER = "viewer" + DOMAIN;
    private static final String OTHER_TRUST_EDITOR = "other.editor" + DOMAIN;
    private static final String TRUST = "ZSD1";
    private static final String ICS_LEADER = "ics.leader@demo.example";
    private static final String STRATEGY = "riverside-digital-strategy.pdf";

    @Autowired
    StrategyDocumentService documents;
    @Autowired
    ReportService reports;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;

    private JdbcTemplate owner;
    private OrganisationFixture fixture;

    @BeforeEach
    void testTrusts() {
        owner = database.owner();
        fixture = new OrganisationFixture(owner, "ZSD", DOMAIN);
        fixture.remove();
        long southEastLondon = owner.queryForObject("select id from ics where ods_code = 'QKK'", Long.class);
        long trust = fixture.trust(TRUST, southEastLondon, "ambulance");
        long other = fixture.trust("ZSD2", southEastLondon, "acute");
        fixture.user("editor", "TRUST_EDITOR", southEastLondon, trust);
        fixture.user("approver", "TRUST_APPROVER", southEastLondon, trust);
        fixture.user("viewer", "TRUST_VIEWER", southEastLondon, trust);
        fixture.user("other.editor", "TRUST_EDITOR", southEastLondon, other);
    }

    @AfterEach
    void removeThem() {
        signIn.out();
        fixture.remove();
    }

    static byte[] corpus(String name) {
        return StrategyFixtures.bytes(StrategyFixtures.document(name));
    }

    private StoredDocument upload(String name, Long expectedCurrent) {
        var page = documents.page().orElseThrow();
        var content = corpus(name);
        return documents.store(page.assessmentId(), expectedCurrent, name, content, documents.analyse(name, content, AnalysisProgress.NONE));
    }

    private long documentsOfTheTrust(String condition) {
        return owner.queryForObject("select count(*) from strategy_document where trust_id = (select id from trust where ods_code = ?) and "
                + condition, Long.class, TRUST);
    }

    @Test
    void anEditorUploadsTheStrategyAndTheTrustsViewerReadsWhatItShows() {
        signIn.as(EDITOR);
        var before = documents.page().orElseThrow();
        assertThat(before.current()).isEmpty();
        assertThat(before.canUpload()).isTrue();
        var content = corpus(STRATEGY);
        var steps = new ArrayList<Double>();
        var analysis = documents.analyse("C:\\Users\\eve\\Documents\\" + STRATEGY, content, (fraction, step) -> steps.add(fraction));
        assertThat(steps).isNotEmpty().isSorted();
        assertThat(documentsOfTheTrust("true")).as("nothing stored by the analysis").isZero();

        var stored = documents.store(before.assessmentId(), null, "C:\\Users\\eve\\Documents\\" + STRATEGY, content, analysis);

        assertThat(stored.fileName()).isEqualTo(STRATEGY);
        var row = owner.queryForMap("select file_name, media_type, size_bytes, content, superseded_at, uploaded_by_name, "
                + "(analysis->>'pages')::int as pages from strategy_document where id = ?", stored.id());
        assertThat(row.get("content")).isEqualTo(content);
        assertThat(row.get("size_bytes")).isEqualTo(content.length);
        assertThat(row.get("media_type")).isEqualTo("application/pdf");
        assertThat(row.get("superseded_at")).isNull();
        assertThat(row.get("uploaded_by_name")).isEqualTo("editor");
        assertThat((Integer) row.get("pages")).isEqualTo(analysis.pages()).isPositive();
        assertThat(owner.queryForObject("select count(*) from audit_event where action = 'STRATEGY_DOCUMENT_UPLOADED' "
                + "and entity_id = ?", Long.class, "" + stored.id())).isEqualTo(1);

        signIn.as(VIEWER);
        var page = documents.page().orElseThrow();
        assertThat(page.canUpload()).isFalse();
        assertThat(page.current()).map(StoredDocument::id).contains(stored.id());
        assertThat(page.analysis()).contains(analysis);
        assertThat(page.characteristics()).extracting(CharacteristicReading::code).containsExactlyElementsOf(DocumentAnalysis.CHARACTERISTICS);
        assertThat(page.characteristics()).flatExtracting(CharacteristicReading::signals).isNotEmpty();
        assertThat(documents.file(stored.id())).map(DocumentFile::content).contains(content);
        assertThatThrownBy(() -> documents.analyse(STRATEGY, content, AnalysisProgress.NONE)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aNewVersionSupersedesTheOldWhichIsKeptAndAnUploadThatLostARaceIsNotStored() {
        signIn.as(EDITOR);
        var first = upload(STRATEGY, null);
        var second = upload("westbrook-short-strategy.docx", first.id());

        assertThat(documentsOfTheTrust("superseded_at is null")).isEqualTo(1);
        assertThat(documentsOfTheTrust("superseded_at is not null")).isEqualTo(1);
        var page = documents.page().orElseThrow();
        assertThat(page.current()).map(StoredDocument::id).contains(second.id());
        assertThat(page.earlier()).extracting(StoredDocument::id).containsExactly(first.id());

        // Someone who started from the first version, or from none, does not overwrite the second.
        assertThatThrownBy(() -> upload(STRATEGY, first.id())).isInstanceOf(DocumentProblem.Superseded.class)
                .hasMessageContaining("Someone else saved a strategy document");
        assertThatThrownBy(() -> upload(STRATEGY, null)).isInstanceOf(DocumentProblem.Superseded.class);
        assertThat(documentsOfTheTrust("true")).isEqualTo(2);
    }

    @Test
    void nothingIsStoredOnceTheAssessmentIsSubmittedNorForAFileTheAnalyserRefuses() {
        signIn.as(EDITOR);
        var page = documents.page().orElseThrow();
        assertThatThrownBy(() -> documents.analyse("empty.pdf", new byte[0], AnalysisProgress.NONE))
                .isInstanceOf(DocumentProblem.class).hasMessageContaining("empty");
        var content = corpus(STRATEGY);
        var analysis = documents.analyse(STRATEGY, content, AnalysisProgress.NONE);
        owner.update("update assessment set status = 'SUBMITTED' where id = ?", page.assessmentId());

        assertThatThrownBy(() -> documents.store(page.assessmentId(), null, STRATEGY, content, analysis))
                .isInstanceOf(DocumentProblem.class).hasMessageContaining("submitted for sign-off");
        assertThat(documentsOfTheTrust("true")).isZero();
    }

    @Test
    void anotherTrustNeverReadsTheDocument() {
        signIn.as(EDITOR);
        var stored = upload(STRATEGY, null);

        signIn.as(OTHER_TRUST_EDITOR);
        assertThat(documents.file(stored.id())).isEmpty();
        assertThat(documents.page().orElseThrow().current()).isEmpty();
        var trust = owner.queryForObject("""
                select t.id, t.ods_code, t.name, t.trust_type, t.ics_id, i.region_id from trust t join ics i on i.id = t.ics_id
                 where t.ods_code = ?""", (row, n) -> new uk.nhs.strategycheck.benchmark.TrustFacts(row.getLong(1),
                row.getString(2), row.getString(3), row.getString(4), row.getLong(5), row.getLong(6)), TRUST);
        assertThat(documents.currentOf(List.of(trust), "2026/27")).isEmpty();
    }

    @Test
    void theApproverSeesWhereTheTrustsOwnScoreIsTwoOrMorePointsAboveTheDocument() {
        signIn.as(EDITOR);
        upload("northmoor-digital-plan.pdf", null);
        owner.update("update answer set score = 5 where trust_id = (select id from trust where ods_code = ?)", TRUST);

        signIn.as(APPROVER);
        var page = documents.page().orElseThrow();
        assertThat(page.approver()).isTrue();
        var expected = page.analysis().orElseThrow().characteristics().entrySet().stream()
                .filter(e -> e.getValue().suggestedScore() <= 3).map(java.util.Map.Entry::getKey).toList();
        assertThat(expected).as("the document shows some characteristic at 3 or below").isNotEmpty();
        assertThat(page.gaps()).extracting(CharacteristicReading::code).containsExactlyElementsOf(expected);
        assertThat(page.characteristics()).allSatisfy(c -> assertThat(c.ownScore()).contains(new BigDecimal("5.0")));
    }

    @Test
    void theIcsLeaderComparesMembersDocumentsAndTheReportsShowThem() throws IOException {
        signIn.as(EDITOR);
        var stored = upload(STRATEGY, null);
        var analysis = documents.page().orElseThrow().analysis().orElseThrow();
        var trustReport = text(reports.trustReport(TRUST, "2026/27"));
        assertThat(trustReport).contains("What the strategy document shows").contains(STRATEGY);

        signIn.as(ICS_LEADER);
        var comparison = documents.compare(Optional.of("2026/27")).orElseThrow();
        var row = comparison.trusts().stream().filter(r -> r.odsCode().equals(TRUST)).findFirst().orElseThrow();
        assertThat(row.document()).map(StoredDocument::id).contains(stored.id());
        assertThat(row.analysis()).contains(analysis);
        assertThat(comparison.trusts()).filteredOn(r -> !r.odsCode().equals(TRUST)).allSatisfy(r -> assertThat(r.document()).isEmpty());
        var csv = new String(documents.comparisonCsv(Optional.of("2026/27")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains(TRUST + ",Test " + TRUST + " NHS Trust,2026/27," + STRATEGY)
                .contains(DocumentFacts.signatory(analysis)).contains("None uploaded");

        var pack = text(reports.boardPack("QKK", "2026/27"));
        assertThat(pack).contains("Members' strategy documents").contains("No document uploaded");
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
