create schema if not exists intake;

-- One uploaded file: kept whole so that commit re-reads exactly what was previewed and the error workbook can annotate it.
create table intake.batch (
  id bigserial primary key,
  kind text not null,
  file_name text not null,
  file_format text not null check (file_format in ('xlsx', 'csv')),
  file bytea not null,
  status text not null check (status in ('analysing', 'previewed', 'committed', 'undone', 'failed')),
  actor text not null,
  actor_role text,
  counts jsonb,
  failure text,
  created_at timestamptz not null default now(),
  committed_at timestamptz,
  committed_by text,
  undone_at timestamptz,
  undone_by text
);
create index batch_actor on intake.batch (actor, id);

-- What the last analysis (preview or commit) said about each row.
create table intake.batch_row (
  batch_id bigint not null references intake.batch (id) on delete cascade,
  sheet text not null,
  row_number int not null,
  credit_code text,
  outcome text not null check (outcome in ('new', 'updated', 'unchanged', 'rejected')),
  problems jsonb not null default '[]',
  changes jsonb not null default '[]',
  primary key (batch_id, sheet, row_number)
);

-- The registry change set each committed enterprise got: what undo restores from.
create table intake.batch_change (
  batch_id bigint not null references intake.batch (id),
  credit_code text not null,
  change_set_id bigint not null references platform.change_set (id),
  created boolean not null,
  primary key (batch_id, credit_code)
);
