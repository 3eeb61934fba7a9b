-- Registry counts shared by the API processes: a dashboard recount over 1,000,000 enterprises takes seconds of
-- PostgreSQL's CPU, and each of N processes recounting the same numbers every COUNT_CACHE_SECONDS multiplied it by N.
-- A process that finds a count older than that claims its recount (recounting_until) and the others keep serving the
-- old value; values are JSON, keyed by what was counted (scope, filter, day).
create table registry.count_cache (
  key text primary key,
  value jsonb not null,
  counted_at timestamptz not null,
  recounting_until timestamptz
);
