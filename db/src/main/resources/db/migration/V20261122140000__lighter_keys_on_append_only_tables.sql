-- Foreign keys on the append-only, high-volume tables cost a row lock on the parent for every row written
-- (FOR KEY SHARE on the product, the outlet, the sale line...), which dominated the cost of an import batch.
-- These rows are written only by Storeline, in the same transaction as what they point at (the movement with
-- its level, the fulfillment item with its sale line, the notification with its fulfillment), and never
-- outlive it. The keys that guard the record itself (sale, lines, payments, fulfillments) stay.
-- The constraint names are PostgreSQL's; jOOQ's DDL simulation names them otherwise, so it skips this part.
-- [jooq ignore start]
alter table stock_movement drop constraint stock_movement_product_id_fkey;
alter table stock_movement drop constraint stock_movement_outlet_id_fkey;
alter table fulfillment_item drop constraint fulfillment_item_line_id_fkey;
alter table notification drop constraint notification_outlet_id_fkey;
alter table notification drop constraint notification_fulfillment_id_fkey;
alter table notification drop constraint notification_sale_id_fkey;
-- [jooq ignore stop]
