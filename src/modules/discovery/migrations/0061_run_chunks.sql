-- Runs now execute as chunk jobs; one left unfinished by the single-process runner cannot be split mid-way.
update discovery.run set status = 'failed', finished_at = now(), error = '升级前未完成的评价批次，请重新发起'
where status in ('queued', 'running');

-- Progress now lives with each chunk job (jobs.job.progress); the run keeps the sum and its heartbeat for the page.
alter table discovery.run drop column last_credit_code, drop column owner;
