--liquibase formatted sql

-- Answers, improvement actions and status transitions belong to their assessment's trust: the
-- key to the parent names the trust too, so a trust's scope cannot attach a row to another
-- trust's assessment, even in the same ICS (issue 10, finding 3). Deferrable, like every key
-- an organisation change moves.

--changeset dsc:031-assessment-trust-key
alter table assessment add constraint assessment_ics_id_id_trust_id_uk unique (ics_id, id, trust_id);

--changeset dsc:031-answer-parent-trust
alter table answer drop constraint answer_ics_id_assessment_id_fkey,
  add constraint answer_assessment_fkey foreign key (ics_id, assessment_id, trust_id)
    references assessment (ics_id, id, trust_id) on delete cascade deferrable initially immediate;

--changeset dsc:031-improvement-action-parent-trust
alter table improvement_action drop constraint improvement_action_ics_id_assessment_id_fkey,
  add constraint improvement_action_assessment_fkey foreign key (ics_id, assessment_id, trust_id)
    references assessment (ics_id, id, trust_id) on delete cascade deferrable initially immediate;

--changeset dsc:031-assessment-transition-parent-trust
alter table assessment_transition drop constraint assessment_transition_ics_id_assessment_id_fkey,
  add constraint assessment_transition_assessment_fkey foreign key (ics_id, assessment_id, trust_id)
    references assessment (ics_id, id, trust_id) on delete cascade deferrable initially immediate;
