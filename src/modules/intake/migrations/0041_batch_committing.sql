-- A commit is now a job executed by a worker: between the officer's confirmation and the worker's transaction the
-- batch is `committing` (its valid rows are still unwritten; the job's progress says how far the worker got).
alter table intake.batch drop constraint batch_status_check;
alter table intake.batch add constraint batch_status_check check (status in ('analysing', 'previewed', 'committing', 'committed', 'undone', 'failed'));
