create schema if not exists jobs;

-- Background work shared by every process on the database: API processes (when they run jobs themselves) and
-- `tidu worker` processes claim jobs with `for update skip locked`; a running job whose heartbeat goes stale was
-- left by a dead process and is claimed again, resuming from the progress its handler committed.
create table jobs.job (
  id bigserial primary key,
  kind text not null,
  -- Jobs that belong together (the chunks of one discovery run).
  group_key text,
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  -- Committed by the handler in the same transaction as the work it describes.
  progress jsonb,
  attempts int not null default 0,
  owner text,
  heartbeat_at timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  error text
);
create index job_claimable on jobs.job (kind, id) where status in ('queued', 'running');
create index job_group on jobs.job (group_key);
