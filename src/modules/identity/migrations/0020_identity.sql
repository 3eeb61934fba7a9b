create schema if not exists identity;

create table identity.user_account (
  id bigserial primary key,
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  must_change_password boolean not null default true,
  failed_attempts int not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz
);

-- A user may hold several roles; each binds the scope it grants.
create table identity.role_grant (
  id bigserial primary key,
  user_id bigint not null references identity.user_account (id) on delete cascade,
  role text not null check (role in ('city_admin', 'city_officer', 'district_officer', 'commissioner', 'department_handler', 'enterprise_user', 'bank_viewer', 'expert')),
  district_code text references ref.district (code),
  credit_code text,
  department text,
  institution text,
  check (role <> 'district_officer' or district_code is not null),
  check (role <> 'enterprise_user' or credit_code is not null),
  check (role <> 'department_handler' or department is not null),
  check (role <> 'bank_viewer' or institution is not null)
);
create index role_grant_user on identity.role_grant (user_id);

-- Enterprises a service commissioner is assigned to.
create table identity.commissioner_assignment (
  user_id bigint not null references identity.user_account (id) on delete cascade,
  credit_code text not null,
  assigned_at timestamptz not null default now(),
  primary key (user_id, credit_code)
);

-- Enterprises on a bank's white list that consented to share their financing portrait.
create table identity.institution_access (
  institution text not null,
  credit_code text not null,
  consented_at timestamptz,
  primary key (institution, credit_code)
);

-- Sessions live in the database so that any API process can serve any request.
create table identity.session (
  token_hash text primary key,
  user_id bigint not null references identity.user_account (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  client_ip text,
  user_agent text
);
create index session_by_user on identity.session (user_id);

-- The audit log is append-only, also for anyone who reaches the database directly.
create function platform.audit_log_is_append_only() returns trigger as $$
begin
  raise exception '审计日志只能追加，不能修改或删除';
end;
$$ language plpgsql;
create trigger audit_log_append_only before update or delete on platform.audit_log
  for each row execute function platform.audit_log_is_append_only();
