-- Browsing lots by name pages by keyset on (name, id); without this index every page would sort the whole table.
create index lot_by_name on lot (name, id);
