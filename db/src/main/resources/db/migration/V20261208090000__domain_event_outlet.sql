-- The live event stream (GET /api/v1/events) sends each user only the events of outlets they may see. The outlet is
-- the payload's outlet_id (fulfillment.*, notification.raised), kept in a column of its own by the writer so that a
-- stream catching up after a reconnect filters in SQL ("after position N, at these outlets").
-- No index on it: a stream replays at most 10,000 positions (beyond, it is told to reload), so the primary key's range
-- scan reads little, while every import batch would pay for one more index entry per event it writes.
-- Events of no single outlet (sale.refunded, sale.cancelled, order.fulfilled) have none.
alter table domain_event add column outlet_id uuid;
