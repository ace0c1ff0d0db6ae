-- A refusal's free-text note (POST .../decision "refusalNote"): since AssessmentDecided v2 the published refusal
-- reason is a code (RefusalReason), and whatever the caseworker types about the refusal is kept only here, under the
-- AssessmentDecided event's id, erased with the child's personal details like every other note.
alter table case_note drop constraint case_note_subject_check;
alter table case_note add constraint case_note_subject_check check (subject in ('EXCEPTION', 'DISPUTE', 'DECISION'));
