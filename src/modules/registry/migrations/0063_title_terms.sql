-- The titled qualifications of an enterprise as `title|issue|expiry` (unknown issue 0000, unknown expiry 9999), kept
-- in the row by every write (listing-columns.ts): the registry's lists, filters and counts tell the titles held
-- validly on a day from this small array instead of from each enterprise's whole `lists` document.
alter table registry.enterprise add column title_terms text[] not null default '{}';

update registry.enterprise e
set title_terms = coalesce((
  select array_agg(t order by t collate "C")
  from (
    select (q->>'title') || '|' || coalesce(nullif(q->>'issue_date', ''), '0000') || '|' || coalesce(nullif(q->>'expiry_date', ''), '9999') as t
    from jsonb_array_elements(case when jsonb_typeof(e.lists->'qualifications') = 'array' then e.lists->'qualifications' else '[]'::jsonb end) q
    where coalesce(q->>'title', '') <> ''
  ) terms), '{}')
where cardinality(e.titles) > 0;
