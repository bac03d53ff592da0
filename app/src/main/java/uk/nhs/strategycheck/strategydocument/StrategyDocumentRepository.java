package uk.nhs.strategycheck.strategydocument;

import static uk.nhs.strategycheck.db.Tables.ASSESSMENT;
import static uk.nhs.strategycheck.db.Tables.STRATEGY_DOCUMENT;
import static org.jooq.impl.DSL.field;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

/**
 * Strategy documents by trust and cycle. Listing queries never read the file itself; row level
 * security decides which documents the scope sees and may store.
 */
@Repository
class StrategyDocumentRepository {

    /** A document and what the analyser found in it, as JSON. */
    record Reading(long trustId, StoredDocument document, String analysisJson) {
    }

    record NewDocument(long icsId, long trustId, long assessmentId, String fileName, String mediaType, byte[] content,
                       byte[] sha256, String analysisJson, long uploadedBy, String uploadedByName) {
    }

    private static final List<SelectField<?>> SUMMARY = List.of(STRATEGY_DOCUMENT.ID, STRATEGY_DOCUMENT.TRUST_ID,
            STRATEGY_DOCUMENT.FILE_NAME, STRATEGY_DOCUMENT.MEDIA_TYPE, STRATEGY_DOCUMENT.SIZE_BYTES,
            field("(analysis->>'pages')::int", Integer.class).as("pages"),
            field("(analysis->>'words')::int", Integer.class).as("words"),
            STRATEGY_DOCUMENT.UPLOADED_AT, STRATEGY_DOCUMENT.UPLOADED_BY_NAME);

    private final DSLContext db;

    StrategyDocumentRepository(DSLContext db) {
        this.db = db;
    }

    /** The current document of the assessment and what it shows. */
    Optional<Reading> findCurrent(long icsId, long assessmentId) {
        return db.select(SUMMARY).select(STRATEGY_DOCUMENT.ANALYSIS).from(STRATEGY_DOCUMENT)
                .where(STRATEGY_DOCUMENT.ICS_ID.eq(icsId), STRATEGY_DOCUMENT.ASSESSMENT_ID.eq(assessmentId),
                        STRATEGY_DOCUMENT.SUPERSEDED_AT.isNull())
                .fetchOptional(r -> new Reading(r.get(STRATEGY_DOCUMENT.TRUST_ID), toDocument(r), r.get(STRATEGY_DOCUMENT.ANALYSIS).data()));
    }

    /** The documents the assessment had before its current one, newest first. */
    List<StoredDocument> findEarlier(long icsId, long assessmentId) {
        return db.select(SUMMARY).from(STRATEGY_DOCUMENT)
                .where(STRATEGY_DOCUMENT.ICS_ID.eq(icsId), STRATEGY_DOCUMENT.ASSESSMENT_ID.eq(assessmentId),
                        STRATEGY_DOCUMENT.SUPERSEDED_AT.isNotNull())
                .orderBy(STRATEGY_DOCUMENT.UPLOADED_AT.desc(), STRATEGY_DOCUMENT.ID.desc())
                .fetch(StrategyDocumentRepository::toDocument);
    }

    /**
     * The current documents of the trusts' assessments in the cycle, by trust id: one statement for all
     * of them, in the ICSs named (without them every ICS partition was planned: 25 ms for none found).
     */
    Map<Long, Reading> findCurrentOfTrusts(Collection<Long> trustIds, Collection<Long> icsIds, String cycleName) {
        if (trustIds.isEmpty()) {
            return Map.of();
        }
        return db.select(SUMMARY).select(STRATEGY_DOCUMENT.ANALYSIS).from(STRATEGY_DOCUMENT)
                .join(ASSESSMENT).on(ASSESSMENT.ICS_ID.eq(STRATEGY_DOCUMENT.ICS_ID), ASSESSMENT.ID.eq(STRATEGY_DOCUMENT.ASSESSMENT_ID))
                .where(STRATEGY_DOCUMENT.TRUST_ID.in(trustIds), STRATEGY_DOCUMENT.ICS_ID.in(icsIds),
                        ASSESSMENT.ICS_ID.in(icsIds), ASSESSMENT.CYCLE_NAME.eq(cycleName),
                        STRATEGY_DOCUMENT.SUPERSEDED_AT.isNull())
                .fetch(r -> new Reading(r.get(STRATEGY_DOCUMENT.TRUST_ID), toDocument(r), r.get(STRATEGY_DOCUMENT.ANALYSIS).data()))
                .stream().collect(Collectors.toMap(Reading::trustId, reading -> reading));
    }

    /** The file itself, with its name and type, for a download. */
    Optional<DocumentFile> findFile(long documentId) {
        return db.select(STRATEGY_DOCUMENT.FILE_NAME, STRATEGY_DOCUMENT.MEDIA_TYPE, STRATEGY_DOCUMENT.CONTENT,
                        STRATEGY_DOCUMENT.TRUST_ID)
                .from(STRATEGY_DOCUMENT).where(STRATEGY_DOCUMENT.ID.eq(documentId))
                .fetchOptional(r -> new DocumentFile(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Stores a document as the assessment's current one, superseding the one the uploader saw
     * (none: expectedCurrentId null). Empty when another document became current meanwhile.
     */
    Optional<StoredDocument> insertCurrent(NewDocument document, Long expectedCurrentId) {
        var current = db.select(STRATEGY_DOCUMENT.ID).from(STRATEGY_DOCUMENT)
                .where(STRATEGY_DOCUMENT.ICS_ID.eq(document.icsId()), STRATEGY_DOCUMENT.ASSESSMENT_ID.eq(document.assessmentId()),
                        STRATEGY_DOCUMENT.SUPERSEDED_AT.isNull())
                .forUpdate()
                .fetchOptional(STRATEGY_DOCUMENT.ID);
        if (!current.equals(Optional.ofNullable(expectedCurrentId))) {
            return Optional.empty();
        }
        current.ifPresent(id -> db.update(STRATEGY_DOCUMENT).set(STRATEGY_DOCUMENT.SUPERSEDED_AT, OffsetDateTime.now())
                .where(STRATEGY_DOCUMENT.ICS_ID.eq(document.icsId()), STRATEGY_DOCUMENT.ID.eq(id))
                .execute());
        return Optional.of(db.insertInto(STRATEGY_DOCUMENT)
                .set(STRATEGY_DOCUMENT.ICS_ID, document.icsId())
                .set(STRATEGY_DOCUMENT.TRUST_ID, document.trustId())
                .set(STRATEGY_DOCUMENT.ASSESSMENT_ID, document.assessmentId())
                .set(STRATEGY_DOCUMENT.FILE_NAME, document.fileName())
                .set(STRATEGY_DOCUMENT.MEDIA_TYPE, document.mediaType())
                .set(STRATEGY_DOCUMENT.SIZE_BYTES, document.content().length)
                .set(STRATEGY_DOCUMENT.SHA256, document.sha256())
                .set(STRATEGY_DOCUMENT.CONTENT, document.content())
                .set(STRATEGY_DOCUMENT.ANALYSIS, JSONB.valueOf(document.analysisJson()))
                .set(STRATEGY_DOCUMENT.UPLOADED_BY, document.uploadedBy())
                .set(STRATEGY_DOCUMENT.UPLOADED_BY_NAME, document.uploadedByName())
                .returningResult(SUMMARY)
                .fetchSingle(StrategyDocumentRepository::toDocument));
    }

    private static StoredDocument toDocument(Record r) {
        return new StoredDocument(r.get(STRATEGY_DOCUMENT.ID), r.get(STRATEGY_DOCUMENT.FILE_NAME),
                r.get(STRATEGY_DOCUMENT.MEDIA_TYPE), r.get(STRATEGY_DOCUMENT.SIZE_BYTES),
                r.get("pages", Integer.class), r.get("words", Integer.class),
                r.get(STRATEGY_DOCUMENT.UPLOADED_AT).toInstant(), r.get(STRATEGY_DOCUMENT.UPLOADED_BY_NAME));
    }
}
