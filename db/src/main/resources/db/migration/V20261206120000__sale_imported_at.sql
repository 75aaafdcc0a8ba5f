-- An online sale's created_at is now when its order was placed on the platform, and imported_at when it arrived
-- here (null for in-store sales). Until now created_at held the import time of online sales, so that is exactly
-- their imported_at; their created_at stays as it was (the placed time was not kept).
alter table sale add column imported_at timestamptz;

update sale set imported_at = created_at where source = 'online';
