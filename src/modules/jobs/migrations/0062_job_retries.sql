-- Jobs that keep failing stop being retried. `attempts` counts the claims of a job that ended without finishing it
-- (a handler that threw, a process that died); a job handed back on shutdown gets its attempt back. A job whose
-- handler failed with a passing error waits until `run_after` before it is claimed again, with that error kept in
-- `error`; after the worker's maximum number of attempts (JOB_MAX_ATTEMPTS, default 3) it is failed for good.
alter table jobs.job add column run_after timestamptz;
