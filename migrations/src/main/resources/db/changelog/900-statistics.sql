--liquibase formatted sql

-- Fresh statistics for the tables reports and benchmarks read, once the demo data and the 2026
-- organisation changes are in: migration 044 analysed the scores table while a new database's was
-- still empty, and where autovacuum does not run (as on a test machine) the planner kept expecting
-- no rows, reading every membership once per score. Cheap: ANALYZE reads a sample. Later
-- migrations that add or move many rows analyse what they changed.

--changeset dsc:900-analyse-report-tables
analyze trust, trust_membership, ics, assessment_cycle, assessment, answer, characteristic_score,
        improvement_action, strategy_document;
