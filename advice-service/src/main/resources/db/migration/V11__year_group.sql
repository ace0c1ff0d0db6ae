-- AssessmentRequested v3's year group (a NationalCurriculumYear code) on the day the LA received the request;
-- null for requests recorded without one (and every request before v3). The default advice set's
-- preparation-for-adulthood entry is raised from it (docs/advice-service.md, "Default advice set").
alter table assessment_case add column year_group text;
