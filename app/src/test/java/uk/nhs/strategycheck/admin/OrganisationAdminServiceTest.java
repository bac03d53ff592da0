package uk.nhs.strategycheck.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;

/** Region admins manage their own region's organisations only; imports are all or nothing. */
@IntegrationTest
class OrganisationAdminServiceTest {

    @Autowired
    OrganisationAdminService organisations;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;

    private JdbcTemplate owner;
    private long seLondon;
    private long greaterManchester;

    @BeforeEach
    void setUp() throws SQLException {
        owner = database.owner();
        seLondon = owner.queryForObject("select id from ics where ods_code = 'QKK'", Long.class);
        greaterManchester = owner.queryForObject("select id from ics where ods_code = 'QOP'", Long.class);
        signIn.as("region.admin@demo.example");
    }

    @AfterEach
    void cleanUp() {
        signIn.out();
        // The audit log refers to the organisations it concerns; test organisations go with theirs.
        owner.update("delete from audit_event where trust_id in (select id from trust where ods_code like 'ZT%') "
                + "or ics_id in (select id from ics where ods_code like 'ZI%')");
        owner.update("delete from trust where ods_code like 'ZT%'");
        owner.update("delete from ics where ods_code like 'ZI%'");
        // The test ICSs' empty partitions stay until the test database is next rebuilt.
    }

    @Test
    void aRegionAdminCreatesChangesAndClosesATrustInTheirRegion() {
        var created = organisations.createTrust(new TrustForm(seLondon, " zt101 ", "Thames Community Test NHS Trust",
                "community", "NHS trust", "se1 9rt"));
        assertThat(created.odsCode()).isEqualTo("ZT101");
        assertThat(created.postcode()).isEqualTo("SE1 9RT");

        var changed = organisations.updateTrust(created.id(), new TrustForm(seLondon, "ZT101",
                "Thames Community Health Test NHS Trust", "community", "NHS foundation trust", null));
        assertThat(changed.organisationForm()).isEqualTo("NHS foundation trust");

        var closed = organisations.closeTrust(created.id(), LocalDate.now());
        assertThat(closed.closedOn()).isEqualTo(LocalDate.now());
        assertThat(organisations.trusts("ZT101", null, false, 0, 10)).isEmpty();
        assertThat(organisations.trusts("ZT101", null, true, 0, 10)).hasSize(1);
        assertThat(owner.queryForList("select action from audit_event where entity_type = 'trust' and entity_id = 'ZT101' "
                + "order by id", String.class)).containsExactly("TRUST_CREATED", "TRUST_CHANGED", "TRUST_CLOSED");
    }

    @Test
    void odsCodesAreCheckedForFormAndUniquenessAcrossEngland() {
        assertThatThrownBy(() -> organisations.createTrust(new TrustForm(seLondon, "R-1", "X", "acute", "NHS trust", null)))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class, r -> assertThat(r.field()).isEqualTo("odsCode"));
        // R0A is Manchester University's, in another region the admin cannot see: still refused.
        assertThatThrownBy(() -> organisations.createTrust(new TrustForm(seLondon, "R0A", "X", "acute", "NHS trust", null)))
                .hasMessage("ODS code R0A is already in use by another organisation.");
    }

    @Test
    void aRegionAdminNeitherSeesNorChangesAnotherRegionsOrganisations() {
        assertThat(organisations.trusts(null, null, true, 0, 500)).isNotEmpty()
                .allSatisfy(t -> assertThat(owner.queryForObject("""
                        select r.ods_code from ics i join region r on r.id = i.region_id where i.id = ?""",
                        String.class, t.icsId())).isEqualTo("Y56"));
        assertThat(organisations.icss(0, 100)).extracting(IcsRow::regionName).containsOnly("London");
        assertThatThrownBy(() -> organisations.createTrust(new TrustForm(greaterManchester, "ZT102", "X", "acute",
                "NHS trust", null))).isInstanceOfSatisfying(AdminProblem.Invalid.class,
                r -> assertThat(r.field()).isEqualTo("ics"));
        long manchester = owner.queryForObject("select id from trust where ods_code = 'R0A'", Long.class);
        assertThatThrownBy(() -> organisations.closeTrust(manchester, LocalDate.now())).isInstanceOf(AccessDeniedException.class);
        assertThat(organisations.createIcs(greaterManchester, "ZI1", "NHS Elsewhere Test ICB", "Elsewhere Test").regionName())
                .as("a region admin's ICS is in their own region, whatever region is asked for").isEqualTo("London");

        signIn.as("editor@demo.example");
        assertThatThrownBy(() -> organisations.trusts(null, null, false, 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anIcsCreatedByARegionAdminHasItsPartitionsAtOnceAndTakesTrusts() {
        var ics = organisations.createIcs(null, "zi2", "NHS Thames Test Integrated Care Board", "Thames Test");

        assertThat(ics.regionName()).isEqualTo("London");
        assertThat(owner.queryForList("select relname::text from pg_class where relname like '%\\_zi2' order by 1",
                String.class)).containsExactly("answer_zi2", "assessment_zi2", "improvement_action_zi2", "strategy_document_zi2");
        var trust = organisations.createTrust(new TrustForm(ics.id(), "ZT103", "Thames Test NHS Trust", "acute",
                "NHS trust", null));
        assertThat(trust.icsName()).isEqualTo("Thames Test");
    }

    @Test
    void anImportWithOneBadRowImportsNothingAndSaysWhy() {
        var csv = """
                ods_code,name,trust_type,organisation_form,icb_ods_code,postcode
                ZT104,"Riverside Test NHS Trust, East",acute,NHS trust,QKK,SE1 7EH
                ZT105,Hillside Test NHS Trust,hospital,NHS trust,QOP,
                """.getBytes(StandardCharsets.UTF_8);

        var rows = organisations.previewImport(csv);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).name()).isEqualTo("Riverside Test NHS Trust, East");
        assertThat(rows.get(0).errors()).isEmpty();
        assertThat(rows.get(1).errors()).containsExactly(
                "ICB QOP is not an ICS of your region.",
                "Trust type \"hospital\" must be one of acute, ambulance, community, mental health, specialist.");
        assertThatThrownBy(() -> organisations.importTrusts(csv)).hasMessage("Line 3 has problems, so nothing was imported.");
        assertThat(owner.queryForObject("select count(*) from trust where ods_code like 'ZT10%'", Long.class)).isZero();

        var good = """
                ods_code,name,trust_type,organisation_form,icb_ods_code
                ZT104,Riverside Test NHS Trust,acute,NHS trust,QKK
                ZT105,Hillside Test NHS Trust,community,NHS foundation trust,QWE
                """.getBytes(StandardCharsets.UTF_8);
        assertThat(organisations.importTrusts(good)).isEqualTo(2);
        assertThat(owner.queryForObject("select count(*) from trust where ods_code in ('ZT104', 'ZT105')", Long.class))
                .isEqualTo(2);
    }
}
