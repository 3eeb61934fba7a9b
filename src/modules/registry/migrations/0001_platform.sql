create schema if not exists platform;

-- A change set is one write: who made it, from which source, and when. Every stored value points to one.
create table platform.change_set (
  id bigserial primary key,
  source text not null check (source in ('audit_report', 'tax_data', 'self_declared', 'platform', 'import', 'demo', 'workflow')),
  source_ref text,
  actor text not null,
  actor_role text,
  note text,
  created_at timestamptz not null default now()
);

-- Append-only: the application has no update or delete path for this table.
create table platform.audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  actor_role text,
  action text not null,
  object_type text not null,
  object_id text,
  summary jsonb,
  client_ip text
);
create index audit_log_at on platform.audit_log (at);
create index audit_log_object on platform.audit_log (object_type, object_id);
