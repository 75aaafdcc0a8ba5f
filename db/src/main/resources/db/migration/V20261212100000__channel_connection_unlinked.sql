-- An unlinked channel's connection says so (SOR-5): 'unlinked', set when it is unlinked and never changed after, with
-- the unlink time as connection_checked_at. Before, it kept what its last registration said ('connected', say), which
-- told integrators a channel that receives nothing was reachable.
-- Nothing here changes a column, so jOOQ's DDL simulation skips all of it (the constraint names are PostgreSQL's,
-- which it does not share, and its parser does not read "at time zone").
-- [jooq ignore start]
alter table channel drop constraint channel_connection_status_check;
alter table channel add constraint channel_connection_status_check
  check (connection_status in ('pending', 'connected', 'failed', 'unlinked'));

-- The channels unlinked before this version, in the words Storeline uses since (Channel.Connection.unlinked).
update channel
   set connection_status = 'unlinked',
       connection_detail = 'unlinked at ' || to_char(unlinked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
         || ': no orders are received and nothing is sent to the store; its webhooks are removed where the platform'
         || ' allows (see the activity)',
       connection_checked_at = unlinked_at
 where unlinked_at is not null;

-- Unlinked exactly when the channel is: a registration that finishes after the unlink cannot set it back.
alter table channel add constraint channel_connection_unlinked_check
  check ((connection_status = 'unlinked') = (unlinked_at is not null));
-- [jooq ignore stop]
