-- Idempotency-Key moved to the one mechanism of every create (command-kit IdempotentCreates, table
-- request_idempotency, platform migration V0_6). Its keys are not copied: the old rows hash the body differently,
-- so they could never match a retry. A retry that spans this upgrade gets 409 "already submitted" instead of the
-- replayed answer, and records nothing twice either way.
drop table submission_idempotency;
