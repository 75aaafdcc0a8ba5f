-- Channel settings, unlinking and safe relinking (SOR-5, BYD-5).
--
-- A channel belongs to a store: store_id names the line of channels that linked one platform store, one after the
-- other. A new channel starts its own store (store_id = its id); linking a store again after its channel was
-- unlinked (same platform, same store_identity) joins the unlinked channel's store. The import keys are the
-- store's, not the channel's, so an order imported under the old channel is recognised under the new one (never a
-- second sale) and the platform products matched before stay matched (never a second link).
--
-- store_identity is how the platform names the store (a Shopify shop domain, a WooCommerce site URL, a BigCommerce
-- store hash, an Ecwid store id, a Lightspeed cluster and shop). It is worked out from the credentials, which are
-- sealed, so SQL cannot compute it for the channels that exist already: it stays null for them until they are
-- unlinked, when Storeline writes it (it is only ever looked up among unlinked channels).
alter table channel add column store_id uuid;
update channel set store_id = id;
alter table channel alter column store_id set not null;
alter table channel add column store_identity varchar;
-- When the channel was unlinked (DELETE): it receives nothing more, its history stays.
alter table channel add column unlinked_at timestamptz;
-- A rotated webhook secret stays valid until previous_secret_until, so that deliveries signed before the platform
-- had the new one are still accepted. Sealed with the row's key_id, like the other secrets.
alter table channel add column previous_webhook_secret bytea;
alter table channel add column previous_secret_until timestamptz;
create index channel_unlinked_store on channel (platform, store_identity, unlinked_at) where unlinked_at is not null;

-- The exactly-once key of imported orders becomes (store, platform order id). channel_id stays: the channel that
-- imported the order. Existing rows belong to their channel's store, whose id is the channel's.
alter table channel_order add column store_id uuid;
update channel_order set store_id = channel_id;
alter table channel_order alter column store_id set not null;

-- Products matched to a platform's product or variant id are remembered per store likewise.
alter table channel_product_link add column store_id uuid;
update channel_product_link set store_id = channel_id;
alter table channel_product_link alter column store_id set not null;

-- The primary keys move to the store. Their constraint names are PostgreSQL's, which jOOQ's DDL simulation does not
-- share, so it skips the swap (the generated classes keep the old keys; no code relies on them).
-- [jooq ignore start]
alter table channel_order drop constraint channel_order_pkey;
alter table channel_order add primary key (store_id, external_order_id);
alter table channel_product_link drop constraint channel_product_link_pkey;
alter table channel_product_link add primary key (store_id, platform_key);
-- [jooq ignore stop]
