-- Name search in a narrow table of its own: (credit code, name), about 60 bytes a row, so its pages stay in memory
-- where the registry's wide rows do not. A keyword's first page walks it in credit-code order and stops when the page
-- is full; a rare keyword, or one whose matches sit together (a district's name in its own enterprises' names), goes
-- through its character-pair index and sorts the matches, reading only narrow rows. Statement triggers keep it equal
-- to registry.enterprise in the same transaction as every write (one statement per COPY chunk of a bulk load).
create table registry.name_search (
  credit_code text primary key,
  name text not null
);
insert into registry.name_search (credit_code, name) select credit_code, name from registry.enterprise order by credit_code;
create index name_search_pairs on registry.name_search using gin (registry.character_pairs(name));

create function registry.name_search_added() returns trigger language plpgsql as $$
begin
  insert into registry.name_search (credit_code, name) select credit_code, name from added
  on conflict (credit_code) do update set name = excluded.name;
  return null;
end $$;
create function registry.name_search_changed() returns trigger language plpgsql as $$
begin
  delete from registry.name_search n using removed r
  where n.credit_code = r.credit_code and not exists (select 1 from changed c where c.credit_code = r.credit_code);
  insert into registry.name_search (credit_code, name)
  select c.credit_code, c.name from changed c left join removed r on r.credit_code = c.credit_code
  where r.credit_code is null or r.name is distinct from c.name
  on conflict (credit_code) do update set name = excluded.name;
  return null;
end $$;
create function registry.name_search_removed() returns trigger language plpgsql as $$
begin
  delete from registry.name_search n using removed r where n.credit_code = r.credit_code;
  return null;
end $$;
create function registry.name_search_truncated() returns trigger language plpgsql as $$
begin
  truncate registry.name_search;
  return null;
end $$;
create trigger name_search_insert after insert on registry.enterprise
  referencing new table as added for each statement execute function registry.name_search_added();
create trigger name_search_update after update on registry.enterprise
  referencing old table as removed new table as changed for each statement execute function registry.name_search_changed();
create trigger name_search_delete after delete on registry.enterprise
  referencing old table as removed for each statement execute function registry.name_search_removed();
create trigger name_search_truncate after truncate on registry.enterprise
  for each statement execute function registry.name_search_truncated();
