-- V1 creates btree_gist (the exclusion constraints of bookings and sessions need it) in whichever schema is the first
-- in the database to migrate. An extension belongs to the database, not the schema: dropping that schema (or a Flyway
-- clean of it) drops the extension and, with it, the exclusion constraints of every other schema in the database.
-- In public it outlives any one schema. Constraints keep working where they are: they refer to its operator
-- classes by identity, and new ones find the default operator classes whatever the search path.
do $$
begin
    if exists (select 1 from pg_extension e join pg_namespace n on n.oid = e.extnamespace
               where e.extname = 'btree_gist' and n.nspname <> 'public')
       and exists (select 1 from pg_namespace where nspname = 'public') then
        alter extension btree_gist set schema public;
    end if;
end
$$;
