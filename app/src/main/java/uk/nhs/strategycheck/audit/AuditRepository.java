package uk.nhs.strategycheck.audit;

import static uk.nhs.strategycheck.db.Tables.AUDIT_EVENT;

import org.jooq.DSLContext;
import org.jooq.JSONB;
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
