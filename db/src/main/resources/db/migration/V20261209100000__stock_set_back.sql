-- SOR-3: Storeline is the record of stock. A platform's stock webhook names its listing; the product is found by the
-- platform's ids remembered in channel_listing, and a level changed there by hand is set back to ours.
--
-- Each set-back, per channel and product: should something on the platform keep changing a level (another stock
-- app), a product is set back a bounded number of times an hour, then the difference is logged and no longer fought.
-- Rows older than a day are deleted as new ones are written.
create table stock_set_back (
  channel_id  uuid        not null references channel (id) on delete cascade,
  product_id  uuid        not null references product (id),
  set_back_at timestamptz not null
);
create index stock_set_back_recent on stock_set_back (channel_id, product_id, set_back_at);

-- A stock webhook finds its listing by containment (platform_ids @> the ids it names).
-- [jooq ignore start]
create index channel_listing_platform_ids on channel_listing using gin (platform_ids jsonb_path_ops);
-- [jooq ignore stop]
