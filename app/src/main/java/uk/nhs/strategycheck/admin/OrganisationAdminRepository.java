package uk.nhs.strategycheck.admin;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT;
import static uk.nhs.strategycheck.db.Tables.ICS;
import static uk.nhs.strategycheck.db.Tables.REGION;
import static uk.nhs.strategycheck.db.Tables.ROLE_ASSIGNMENT;
import static uk.nhs.strategycheck.db.Tables.TRUST;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** ICSs and trusts as admins manage them; row level security keeps a region admin to their region. */
@Repository
class OrganisationAdminRepository {

    private final DSLContext db;

    // Predecessors and successors in words, for example "Succeeded by Essex (D7T5G) from 1 April 2026".
    private static final org.jooq.Field<String> ICS_LINKS = org.jooq.impl.DSL.field("""
            concat_ws('; ',
              (select 'Succeeded by ' || string_agg(s.short_name || ' (' || s.ods_code || ')', ', ' order by s.short_name)
                      || ' from ' || trim(to_char(min(l.effective_on), 'FMDD FMMonth YYYY'))
                 from ics_link l join ics s on s.id = l.successor_id where l.predecessor_id = ics.id),
              (select 'Formed from ' || string_agg(p.short_name || ' (' || p.ods_code || ')', ', ' order by p.short_name)
                 from ics_link l join ics p on p.id = l.predecessor_id where l.successor_id = ics.id))""", String.class);
    private static final org.jooq.Field<String> TRUST_LINKS = org.jooq.impl.DSL.field("""
            concat_ws('; ',
              (select string_agg(lower(l.kind) || ' into ' || s.name || ' (' || s.ods_code || ')', ', ')
                 from trust_link l join trust s on s.id = l.successor_id where l.predecessor_id = trust.id),
              (select 'Succeeded ' || string_agg(p.name || ' (' || p.ods_code || ', ' || lower(l.kind) || ')', ', ')
                 from trust_link l join trust p on p.id = l.predecessor_id where l.successor_id = trust.id))""", String.class);

    OrganisationAdminRepository(DSLContext db) {
        this.db = db;
    }

    List<IcsRow> icss(Long regionId, int offset, int limit) {
        var trusts = count(TRUST.ID);
        return db.select(ICS.ID, ICS.ODS_CODE, ICS.NAME, ICS.SHORT_NAME, REGION.NAME, trusts, ICS.CLOSED_ON, ICS_LINKS)
                .from(ICS).join(REGION).on(REGION.ID.eq(ICS.REGION_ID))
                .leftJoin(TRUST).on(TRUST.ICS_ID.eq(ICS.ID).and(TRUST.CLOSED_ON.isNull()))
                .where(inRegion(regionId))
                .groupBy(ICS.ID, ICS.ODS_CODE, ICS.NAME, ICS.SHORT_NAME, REGION.NAME, ICS.CLOSED_ON)
                .orderBy(ICS.CLOSED_ON.nullsFirst(), ICS.SHORT_NAME)
                .offset(offset).limit(limit)
                .fetch(r -> new IcsRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8()));
    }

    int countIcss(Long regionId) {
        return db.fetchCount(ICS, inRegion(regionId));
    }

    private static Condition inRegion(Long regionId) {
        return regionId == null ? noCondition() : ICS.REGION_ID.eq(regionId);
    }

    Optional<Long> icsIdByOdsCode(String odsCode, Long regionId) {
        return db.select(ICS.ID).from(ICS).where(ICS.ODS_CODE.eq(odsCode), inRegion(regionId)).fetchOptional(ICS.ID);
    }

    List<TrustRow> trusts(Long regionId, String text, Long icsId, boolean includeClosed, int offset, int limit) {
        return trusts(trustsMatching(regionId, text, icsId, includeClosed), offset, limit);
    }

    private List<TrustRow> trusts(Condition condition, int offset, int limit) {
        return db.select(TRUST.ID, TRUST.ODS_CODE, TRUST.NAME, TRUST.TRUST_TYPE, TRUST.ORGANISATION_FORM, TRUST.POSTCODE,
                        ICS.ID, ICS.SHORT_NAME, TRUST.CLOSED_ON, TRUST_LINKS)
                .from(TRUST).join(ICS).on(ICS.ID.eq(TRUST.ICS_ID))
                .where(condition)
                .orderBy(TRUST.NAME)
                .offset(offset).limit(limit)
                .fetch(r -> new TrustRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10()));
    }

    int countTrusts(Long regionId, String text, Long icsId, boolean includeClosed) {
        return db.fetchCount(db.select(TRUST.ID).from(TRUST).join(ICS).on(ICS.ID.eq(TRUST.ICS_ID))
                .where(trustsMatching(regionId, text, icsId, includeClosed)));
    }

    Optional<TrustRow> trust(long trustId) {
        return trusts(TRUST.ID.eq(trustId), 0, 1).stream().findFirst();
    }

    private static Condition trustsMatching(Long regionId, String text, Long icsId, boolean includeClosed) {
        Condition condition = inRegion(regionId);
        if (text != null && !text.isBlank()) {
            var pattern = "%" + text.strip() + "%";
            condition = condition.and(TRUST.NAME.likeIgnoreCase(pattern).or(TRUST.ODS_CODE.likeIgnoreCase(pattern)));
        }
        if (icsId != null) {
            condition = condition.and(TRUST.ICS_ID.eq(icsId));
        }
        return includeClosed ? condition : condition.and(TRUST.CLOSED_ON.isNull());
    }

    /** People with a role at the trust: closing it leaves them read-only. */
    int usersWithRoleAt(long trustId) {
        return db.fetchCount(db.selectDistinct(ROLE_ASSIGNMENT.USER_ID).from(ROLE_ASSIGNMENT)
                .where(ROLE_ASSIGNMENT.TRUST_ID.eq(trustId)));
    }

    /** The trust's assessments not yet approved: closing the trust freezes them as they are. */
    int unapprovedAssessments(long trustId) {
        return db.fetchCount(ASSESSMENT, ASSESSMENT.TRUST_ID.eq(trustId), ASSESSMENT.STATUS.ne("APPROVED"));
    }

    boolean odsCodeInUse(String odsCode) {
        return db.select(org.jooq.impl.DSL.field("tenancy.ods_code_in_use({0})", Boolean.class, odsCode)).fetchSingle().value1();
    }

    long insertTrust(long icsId, String odsCode, String name, String trustType, String form, String postcode) {
        return db.insertInto(TRUST)
                .set(TRUST.ICS_ID, icsId)
                .set(TRUST.ODS_CODE, odsCode)
                .set(TRUST.NAME, name)
                .set(TRUST.ODS_NAME, name.toUpperCase())
                .set(TRUST.TRUST_TYPE, trustType)
                .set(TRUST.ORGANISATION_FORM, form)
                .set(TRUST.POSTCODE, postcode)
                .returning(TRUST.ID)
                .fetchSingle(TRUST.ID);
    }

    void updateTrust(long trustId, String odsCode, String name, String trustType, String form, String postcode) {
        db.update(TRUST)
                .set(TRUST.ODS_CODE, odsCode)
                .set(TRUST.NAME, name)
                .set(TRUST.TRUST_TYPE, trustType)
                .set(TRUST.ORGANISATION_FORM, form)
                .set(TRUST.POSTCODE, postcode)
                .where(TRUST.ID.eq(trustId))
                .execute();
    }

    long insertIcs(long regionId, String odsCode, String name, String shortName) {
        return db.insertInto(ICS)
                .set(ICS.REGION_ID, regionId)
                .set(ICS.ODS_CODE, odsCode)
                .set(ICS.NAME, name)
                .set(ICS.SHORT_NAME, shortName)
                .returning(ICS.ID)
                .fetchSingle(ICS.ID);
    }

    List<RegionChoice> regions() {
        return db.select(REGION.ID, REGION.ODS_CODE, REGION.NAME).from(REGION).orderBy(REGION.NAME)
                .fetch(r -> new RegionChoice(r.value1(), r.value2(), r.value3()));
    }
}
