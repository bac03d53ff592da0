--liquibase formatted sql

-- Four-eyes sign-off asks whether the approver changed any answer of the assessment: the audit
-- log answers it, by user and action (issue 10, finding 14).

--changeset dsc:033-audit-event-user-action-index
create index audit_event_user_action_idx on audit_event (user_id, action);
