-- A user who left the shop is deactivated, not deleted: their sales, notes and events keep naming them, but they no
-- longer sign in, call the API or get fulfillments assigned. Null while the user is active.
alter table app_user add column deactivated_at timestamptz;
