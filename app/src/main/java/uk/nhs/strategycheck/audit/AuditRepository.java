package uk.nhs.strategycheck.audit;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.noCondition;
import static uk.nhs.strategycheck.db.Tables.AUDIT_EVENT;
import static uk.nhs.strategycheck.db.Tables.ICS;
import static uk.nhs.strategycheck.db.Tables.REGION;
import static uk.nhs.strategycheck.db.Tables.TRUST;

import java.time.LocalTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import uk.nhs.strategycheck.shared.Dates;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    record NewEvent(long userId, String userEmail, String userName, String role, Long regionId, Long icsId,
                    Long trustId, String action, String entityType, String entityId, String before, String after) {
    }

    private final DSLContext db;

    AuditRepository(DSLContext db) {
        this.db = db;
    }

    /** The matching rows, newest first; row level security keeps them within the reader's scope. */
    List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        return select()
                .where(matching(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new AuditEntry(r.get(AUDIT_EVENT.ID), r.get(AUDIT_EVENT.OCCURRED_AT).toInstant(),
                        r.get(AUDIT_EVENT.USER_NAME), r.get(AUDIT_EVENT.USER_EMAIL), r.get(AUDIT_EVENT.ROLE),
                        r.get(ORGANISATION), r.get(AUDIT_EVENT.ACTION), r.get(AUDIT_EVENT.ENTITY_TYPE),
                        r.get(AUDIT_EVENT.ENTITY_ID),
                        r.get(AUDIT_EVENT.BEFORE) == null ? null : r.get(AUDIT_EVENT.BEFORE).data(),
                        r.get(AUDIT_EVENT.AFTER) == null ? null : r.get(AUDIT_EVENT.AFTER).data()));
    }

    int count(AuditFilter filter) {
        return db.fetchCount(select().where(matching(filter)));
    }

    List<String> actions() {
        return db.selectDistinct(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ACTION)
                .fetch(AUDIT_EVENT.ACTION);
    }

    private static final org.jooq.Field<String> ORGANISATION = coalesce(
            TRUST.NAME.concat(" (").concat(TRUST.ODS_CODE).concat(")"),
            ICS.SHORT_NAME.concat(" ICS (").concat(ICS.ODS_CODE).concat(")"),
            REGION.NAME.concat(" region")).as("organisation");

    private SelectOnConditionStep<? extends Record> select() {
        return db.select(AUDIT_EVENT.ID, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.USER_NAME, AUDIT_EVENT.USER_EMAIL,
                        AUDIT_EVENT.ROLE, ORGANISATION, AUDIT_EVENT.ACTION, AUDIT_EVENT.ENTITY_TYPE, AUDIT_EVENT.ENTITY_ID,
                        AUDIT_EVENT.BEFORE, AUDIT_EVENT.AFTER)
                .from(AUDIT_EVENT)
                .leftJoin(TRUST).on(TRUST.ID.eq(AUDIT_EVENT.TRUST_ID))
                .leftJoin(ICS).on(ICS.ID.eq(AUDIT_EVENT.ICS_ID))
                .leftJoin(REGION).on(REGION.ID.eq(AUDIT_EVENT.REGION_ID));
    }

    private static Condition matching(AuditFilter filter) {
        Condition condition = noCondition();
        if (present(filter.organisation())) {
            var text = "%" + filter.organisation().strip() + "%";
            condition = condition.and(TRUST.ODS_CODE.likeIgnoreCase(text).or(TRUST.NAME.likeIgnoreCase(text))
                    .or(ICS.ODS_CODE.likeIgnoreCase(text)).or(ICS.SHORT_NAME.likeIgnoreCase(text))
                    .or(REGION.NAME.likeIgnoreCase(text)));
        }
        if (present(filter.user())) {
            var text = "%" + filter.user().strip() + "%";
            condition = condition.and(AUDIT_EVENT.USER_NAME.likeIgnoreCase(text).or(AUDIT_EVENT.USER_EMAIL.likeIgnoreCase(text)));
        }
        if (present(filter.action())) {
            condition = condition.and(AUDIT_EVENT.ACTION.eq(filter.action()));
        }
        if (filter.from() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.ge(filter.from().atStartOfDay(Dates.ENGLAND).toOffsetDateTime()));
        }
        if (filter.to() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.lt(
                    filter.to().plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(Dates.ENGLAND).toOffsetDateTime()));
        }
        return condition;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    void insert(NewEvent event) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.USER_ID, event.userId())
                .set(AUDIT_EVENT.USER_EMAIL, event.userEmail())
                .set(AUDIT_EVENT.USER_NAME, event.userName())
                .set(AUDIT_EVENT.ROLE, event.role())
                .set(AUDIT_EVENT.REGION_ID, event.regionId())
                .set(AUDIT_EVENT.ICS_ID, event.icsId())
                .set(AUDIT_EVENT.TRUST_ID, event.trustId())
                .set(AUDIT_EVENT.ACTION, event.action())
                .set(AUDIT_EVENT.ENTITY_TYPE, event.entityType())
                .set(AUDIT_EVENT.ENTITY_ID, event.entityId())
                .set(AUDIT_EVENT.BEFORE, event.before() == null ? null : JSONB.valueOf(event.before()))
                .set(AUDIT_EVENT.AFTER, event.after() == null ? null : JSONB.valueOf(event.after()))
                .execute();
    }
}
