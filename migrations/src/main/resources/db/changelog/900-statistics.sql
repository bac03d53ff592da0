--liquibase formatted sql

-- After every migration, fresh statistics for the tables reports and benchmarks read: a changeset
-- that adds or moves rows (the demo data, a backfill, an organisation change) otherwise leaves the
-- planner with the row counts of before, until autovacuum comes by (where it runs at all). Cheap:
-- ANALYZE reads a sample.

--changeset dsc:900-analyse-report-tables runAlways:true
analyze trust, trust_membership, ics, assessment_cycle, assessment, answer, characteristic_score,
        improvement_action, strategy_document;
