-- The reports read the sales an outlet made in a range of time (product sales, by the sale's created_at) and the
-- payments taken on an outlet's registers in a range (payments, by paid_at): both are found through these indexes
-- instead of reading every sale or payment of the outlet.
create index sale_outlet_created on sale (outlet_id, created_at);
create index sale_payment_register_paid on sale_payment (register_id, paid_at);
