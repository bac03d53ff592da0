package uk.nhs.strategycheck.benchmark;

import static uk.nhs.strategycheck.db.Tables.ANSWER;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_CYCLE;
import static uk.nhs.strategycheck.db.Tables.AUDIT_EVENT;
import static uk.nhs.strategycheck.db.Tables.CHARACTERISTIC;
import static uk.nhs.strategycheck.db.Tables.CHARACTERISTIC_SCORE;
import static uk.nhs.strategycheck.db.Tables.ICS;
import static uk.nhs.strategycheck.db.Tables.REGION;
import static uk.nhs.strategycheck.db.Tables.TRUST;
import static uk.nhs.strategycheck.db.Tables.TRUST_LINK;
import static uk.nhs.strategycheck.db.Tables.TRUST_MEMBERSHIP;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.jooq.impl.DSL;

@Repository
class BenchmarkRepository {

    private final DSLContext db;

    BenchmarkRepository(DSLContext db) {
        this.db = db;
    }

    record Cycle(String name, long frameworkId, java.time.LocalDate opensOn, java.time.LocalDate closesOn) {
    }

    Optional<TrustFacts> trust(long trustId) {
        return trusts(TRUST.ID.eq(trustId)).stream().findFirst();
    }

    Optional<TrustFacts> trust(String odsCode) {
        return trusts(TRUST.ODS_CODE.eq(odsCode)).stream().findFirst();
    }

    /** The ICS's open trusts, by name. */
    List<TrustFacts> memberTrusts(long icsId) {
        return trusts(TRUST.ICS_ID.eq(icsId).and(TRUST.CLOSED_ON.isNull()));
    }

    private List<TrustFacts> trusts(org.jooq.Condition condition) {
        return db.select(TRUST.ID, TRUST.ODS_CODE, TRUST.NAME, TRUST.TRUST_TYPE, TRUST.ICS_ID, ICS.REGION_ID)
                .from(TRUST).join(ICS).on(ICS.ID.eq(TRUST.ICS_ID))
                .where(condition)
                .orderBy(TRUST.NAME)
                .fetch(r -> new TrustFacts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** A trust, and the ICS whose results it was part of: the ICS it belonged to on a day. */
    record Member(TrustFacts trust, long icsId, String icsName) {
    }

    /**
     * The trusts that on the day belonged to the ICS or to one of the ICSs it succeeded, each
     * with the ICS it was in then: the ICS's membership as it was published. A trust's region is
     * the one its ICS was in then (its rows are where it is now: its icsId).
     */
    List<Member> membersOn(long icsId, java.time.LocalDate day) {
        return db.resultQuery("""
                        with recursive line (id) as (
                          select {0}::bigint
                          union
                          select l.predecessor_id from ics_link l join line on l.successor_id = line.id)
                        select t.id, t.ods_code, t.name, t.trust_type, t.ics_id, then_ics.region_id, m.ics_id as then_id,
                               then_ics.short_name as then_name
                          from trust_membership m
                          join line on line.id = m.ics_id
                          join trust t on t.id = m.trust_id
                          join ics then_ics on then_ics.id = m.ics_id
                         where m.valid_from <= {1} and (m.valid_to is null or m.valid_to > {1})
                         order by t.name""", icsId, day)
                .fetch(r -> new Member(new TrustFacts(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, Long.class), r.get(5, Long.class)),
                        r.get(6, Long.class), r.get(7, String.class)));
    }

    /** A trust of England, the ICS and region it is counted in, and its assessment's status in a cycle (null without one). */
    record Placed(TrustFacts trust, long icsId, String icsOdsCode, String icsName, long regionId, String regionOdsCode,
                  String regionName, String status) {
    }

    /**
     * Every trust of England in one query, by region, ICS and name: with a day, each trust that
     * belonged to an ICS on that day, in that ICS (as published); without, every open trust in
     * the ICS it is in now (restated). Row level security decides what shows.
     */
    List<Placed> trustsOfEngland(String cycleName, java.time.LocalDate day) {
        return db.resultQuery("""
                        select t.id, t.ods_code, t.name, t.trust_type, t.ics_id, now_ics.region_id,
                               i.id, i.ods_code, i.short_name, r.id, r.ods_code, r.name, a.status
                          from trust t
                          join ics now_ics on now_ics.id = t.ics_id
                          join trust_membership m on m.trust_id = t.id
                               and ({1}::date is null and m.ics_id = t.ics_id and m.valid_to is null
                                    or m.valid_from <= {1}::date and (m.valid_to is null or m.valid_to > {1}::date))
                          join ics i on i.id = m.ics_id
                          join region r on r.id = i.region_id
                          left join assessment a on a.ics_id = t.ics_id and a.trust_id = t.id and a.cycle_name = {0}
                         where {1}::date is not null or t.closed_on is null
                         order by r.name, i.short_name, t.name""", cycleName, day)
                .fetch(r -> new Placed(new TrustFacts(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, Long.class), r.get(5, Long.class)),
                        r.get(6, Long.class), r.get(7, String.class), r.get(8, String.class), r.get(9, Long.class),
                        r.get(10, String.class), r.get(11, String.class), r.get(12, String.class)));
    }

    /** Every approved assessment's scores in the named cycle that row level security lets the scope read. */
    Map<Long, Map<Long, BigDecimal>> approvedScoresOfEngland(String cycleName) {
        return approvedScores(DSL.noCondition(), cycleName);
    }

    /** The ICS the trust belonged to on the day, if it was open then. */
    Optional<Member> membershipOn(TrustFacts trust, java.time.LocalDate day) {
        return db.select(TRUST_MEMBERSHIP.ICS_ID, ICS.SHORT_NAME)
                .from(TRUST_MEMBERSHIP).join(ICS).on(ICS.ID.eq(TRUST_MEMBERSHIP.ICS_ID))
                .where(TRUST_MEMBERSHIP.TRUST_ID.eq(trust.id()), TRUST_MEMBERSHIP.VALID_FROM.le(day),
                        TRUST_MEMBERSHIP.VALID_TO.isNull().or(TRUST_MEMBERSHIP.VALID_TO.gt(day)))
                .fetchOptional(r -> new Member(trust, r.value1(), r.value2()));
    }

    /** A trust this one succeeded (merged into it or acquired by it). */
    record Predecessor(long trustId, long icsId, String odsCode, String name, String kind, java.time.LocalDate effectiveOn) {
    }

    /** The predecessors of each of the trusts, by successor, in one query. */
    Map<Long, List<Predecessor>> predecessorsOf(Collection<Long> trustIds) {
        var result = new HashMap<Long, List<Predecessor>>();
        db.select(TRUST_LINK.SUCCESSOR_ID, TRUST.ID, TRUST.ICS_ID, TRUST.ODS_CODE, TRUST.NAME, TRUST_LINK.KIND,
                        TRUST_LINK.EFFECTIVE_ON)
                .from(TRUST_LINK).join(TRUST).on(TRUST.ID.eq(TRUST_LINK.PREDECESSOR_ID))
                .where(TRUST_LINK.SUCCESSOR_ID.in(trustIds))
                .orderBy(TRUST.NAME)
                .forEach(r -> result.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new Predecessor(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7())));
        return result;
    }

    Optional<String> icsName(long icsId) {
        return db.select(ICS.SHORT_NAME).from(ICS).where(ICS.ID.eq(icsId)).fetchOptional(ICS.SHORT_NAME);
    }

    /** The region's cycles, newest first. */
    List<Cycle> cycles(long regionId) {
        return cycles(ASSESSMENT_CYCLE.REGION_ID.eq(regionId));
    }

    /** Every cycle name in use, newest first (each once, with its earliest dates). */
    List<Cycle> allCycles() {
        var seen = new HashSet<String>();
        return cycles(DSL.noCondition()).stream().filter(c -> seen.add(c.name())).toList();
    }

    private List<Cycle> cycles(org.jooq.Condition condition) {
        return db.select(ASSESSMENT_CYCLE.NAME, ASSESSMENT_CYCLE.FRAMEWORK_ID, ASSESSMENT_CYCLE.OPENS_ON,
                        ASSESSMENT_CYCLE.CLOSES_ON)
                .from(ASSESSMENT_CYCLE)
                .where(condition)
                .orderBy(ASSESSMENT_CYCLE.OPENS_ON.desc(), ASSESSMENT_CYCLE.NAME.desc())
                .fetch(r -> new Cycle(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    List<Column> characteristics(long frameworkId) {
        return db.select(CHARACTERISTIC.ID, CHARACTERISTIC.POSITION, CHARACTERISTIC.CODE, CHARACTERISTIC.NAME)
                .from(CHARACTERISTIC)
                .where(CHARACTERISTIC.FRAMEWORK_ID.eq(frameworkId))
                .orderBy(CHARACTERISTIC.POSITION)
                .fetch(r -> new Column(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Characteristic scores of every approved assessment of the ICS's trusts in the named
     * cycle: trust id to characteristic id to score.
     */
    Map<Long, Map<Long, BigDecimal>> approvedScoresOfIcs(long icsId, String cycleName) {
        return approvedScores(CHARACTERISTIC_SCORE.ICS_ID.eq(icsId), cycleName);
    }

    /**
     * The same for the given trusts, in the ICSs they are in now (named, so the planner reads
     * only their rows); row level security decides what shows.
     */
    Map<Long, Map<Long, BigDecimal>> approvedScoresOfTrusts(Collection<TrustFacts> trusts, String cycleName) {
        return approvedScores(CHARACTERISTIC_SCORE.TRUST_ID.in(trusts.stream().map(TrustFacts::id).toList())
                .and(CHARACTERISTIC_SCORE.ICS_ID.in(trusts.stream().map(TrustFacts::icsId).distinct().toList())), cycleName);
    }

    /** The same for trusts by id, in the ICSs given (those they are in now). */
    Map<Long, Map<Long, BigDecimal>> approvedScoresOf(Collection<Long> trustIds, Collection<Long> icsIds,
                                                      String cycleName) {
        return approvedScores(CHARACTERISTIC_SCORE.TRUST_ID.in(trustIds).and(CHARACTERISTIC_SCORE.ICS_ID.in(icsIds)), cycleName);
    }

    /** Scores as written when each assessment was approved (migration 044), never averaged again here. */
    private Map<Long, Map<Long, BigDecimal>> approvedScores(org.jooq.Condition trusts, String cycleName) {
        var result = new HashMap<Long, Map<Long, BigDecimal>>();
        db.select(CHARACTERISTIC_SCORE.TRUST_ID, CHARACTERISTIC_SCORE.CHARACTERISTIC_ID, CHARACTERISTIC_SCORE.SCORE)
                .from(CHARACTERISTIC_SCORE)
                .where(trusts, CHARACTERISTIC_SCORE.CYCLE_NAME.eq(cycleName))
                .forEach(r -> result.computeIfAbsent(r.value1(), id -> new HashMap<>()).put(r.value2(), r.value3()));
        return result;
    }

    record Submission(long trustId, String status, java.time.OffsetDateTime lastActivity, int answered) {
    }

    /** The status of each of the trusts' assessments in the named cycle (trusts without one are absent). */
    Map<Long, Submission> submissionsOfTrusts(Collection<TrustFacts> trusts, String cycleName) {
        var answered = DSL.count(ANSWER.SCORE);
        return db.select(ASSESSMENT.TRUST_ID, ASSESSMENT.STATUS, ASSESSMENT.UPDATED_AT, answered)
                .from(ASSESSMENT)
                .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .leftJoin(ANSWER).on(ANSWER.ICS_ID.eq(ASSESSMENT.ICS_ID), ANSWER.ASSESSMENT_ID.eq(ASSESSMENT.ID))
                .where(ASSESSMENT.TRUST_ID.in(trusts.stream().map(TrustFacts::id).toList()),
                        ASSESSMENT.ICS_ID.in(trusts.stream().map(TrustFacts::icsId).distinct().toList()),
                        ASSESSMENT_CYCLE.NAME.eq(cycleName))
                .groupBy(ASSESSMENT.TRUST_ID, ASSESSMENT.STATUS, ASSESSMENT.UPDATED_AT)
                .fetchMap(ASSESSMENT.TRUST_ID,
                        r -> new Submission(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    record AreaCounts(long id, String odsCode, String name, int trusts, int submitted, int approved) {
    }

    /**
     * Per ICS of the region (or per region, nationally): trusts, and how many submitted or approved.
     * Trusts count where they belonged on the cycle's closing date (as published; for an open
     * cycle, where they are now), so a past cycle's comparison is not rewritten by a reorganisation.
     */
    List<AreaCounts> areaCounts(Long regionId, String cycleName) {
        boolean byIcs = regionId != null;
        var areaId = byIcs ? ICS.ID : REGION.ID;
        var code = byIcs ? ICS.ODS_CODE : REGION.ODS_CODE;
        var name = byIcs ? ICS.SHORT_NAME : REGION.NAME;
        var trusts = DSL.countDistinct(TRUST.ID);
        var submitted = DSL.count(ASSESSMENT.ID).filterWhere(ASSESSMENT.STATUS.in("SUBMITTED", "APPROVED"));
        var approved = DSL.count(ASSESSMENT.ID).filterWhere(ASSESSMENT.STATUS.eq("APPROVED"));
        var publishedOn = DSL.when(ASSESSMENT_CYCLE.CLOSES_ON.lt(DSL.currentLocalDate()),
                ASSESSMENT_CYCLE.CLOSES_ON).otherwise(DSL.currentLocalDate());
        return db.select(areaId, code, name, trusts, submitted, approved)
                .from(TRUST_MEMBERSHIP)
                .join(TRUST).on(TRUST.ID.eq(TRUST_MEMBERSHIP.TRUST_ID))
                .join(ICS).on(ICS.ID.eq(TRUST_MEMBERSHIP.ICS_ID))
                .join(REGION).on(REGION.ID.eq(ICS.REGION_ID))
                .leftJoin(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.REGION_ID.eq(REGION.ID), ASSESSMENT_CYCLE.NAME.eq(cycleName))
                .leftJoin(ASSESSMENT).on(ASSESSMENT.TRUST_ID.eq(TRUST.ID), ASSESSMENT.CYCLE_NAME.eq(cycleName))
                .where(TRUST_MEMBERSHIP.VALID_FROM.le(publishedOn),
                        TRUST_MEMBERSHIP.VALID_TO.isNull().or(TRUST_MEMBERSHIP.VALID_TO.gt(publishedOn)))
                .and(byIcs ? ICS.REGION_ID.eq(regionId) : DSL.noCondition())
                .groupBy(areaId, code, name)
                .orderBy(name)
                .fetch(r -> new AreaCounts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** The trust's characteristic scores in its approved assessment of the named cycle; empty if none is approved. */
    Map<Long, BigDecimal> approvedScores(long icsId, long trustId, String cycleName) {
        return db.select(CHARACTERISTIC_SCORE.CHARACTERISTIC_ID, CHARACTERISTIC_SCORE.SCORE)
                .from(CHARACTERISTIC_SCORE)
                .where(CHARACTERISTIC_SCORE.ICS_ID.eq(icsId), CHARACTERISTIC_SCORE.TRUST_ID.eq(trustId),
                        CHARACTERISTIC_SCORE.CYCLE_NAME.eq(cycleName))
                .fetchMap(CHARACTERISTIC_SCORE.CHARACTERISTIC_ID, CHARACTERISTIC_SCORE.SCORE);
    }

    record Contact(String email, String name) {
    }

    /** The editors of a trust the current scope covers (nobody otherwise). */
    List<Contact> editorsOf(long trustId) {
        return db.resultQuery("select email, display_name from tenancy.trust_editor_contacts({0})", trustId)
                .fetch(r -> new Contact(r.get("email", String.class), r.get("display_name", String.class)));
    }

    /** When each of the ICS's trusts was last reminded about the named cycle. */
    Map<Long, java.time.Instant> lastReminders(long icsId, String cycleName) {
        var at = DSL.max(AUDIT_EVENT.OCCURRED_AT);
        return db.select(AUDIT_EVENT.TRUST_ID, at)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ICS_ID.eq(icsId), AUDIT_EVENT.ACTION.eq("REMINDER_SENT"),
                        DSL.field("{0} ->> 'cycle'", String.class, AUDIT_EVENT.AFTER).eq(cycleName))
                .groupBy(AUDIT_EVENT.TRUST_ID)
                .fetchMap(AUDIT_EVENT.TRUST_ID, r -> r.value2().toInstant());
    }

    /**
     * The cycle's medians (by name, across regions) of the groupings asked for, computed in
     * PostgreSQL from the scores written at approval: ICSs and regions as published (membership
     * on the cycle's closing date), or restated to today's ICSs. With ICS ids, the ICS and
     * ICS_PEER medians of those ICSs only; without, of all.
     */
    List<Median> medians(String cycleName, long frameworkId, Footprint footprint, Set<Median.Grouping> groupings,
                         Collection<Long> icsIds) {
        return db.resultQuery("select * from tenancy.benchmark_medians({0}, {1}, {2}, {3}, {4})", cycleName, frameworkId,
                        footprint == Footprint.RESTATED, groupings.stream().map(Enum::name).toArray(String[]::new),
                        icsIds == null ? null : icsIds.toArray(Long[]::new))
                .fetch(r -> new Median(
                        Median.Grouping.valueOf(r.get("group_kind", String.class)),
                        r.get("group_id", Long.class),
                        r.get("trust_type", String.class),
                        r.get("characteristic_id", Long.class),
                        r.get("median", BigDecimal.class),
                        r.get("trusts", Integer.class)));
    }
}
