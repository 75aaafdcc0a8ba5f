-- The Fulfillments page lists one outlet's open fulfillments, oldest first, through fulfillment_open (id) or
-- fulfillment_outlet_status (outlet_id, status, id), whichever the planner expects to cost less. It took an outlet's
-- share of the open fulfillments to be its share of all fulfillments, so at an outlet with a history and none open it
-- expected thousands and read fulfillment_open to the end looking for them: every open fulfillment of the shop
-- (56,000 rows, 13 ms, with 50,000 open at another outlet; `bench/run fulfillments --explain true`), more as the
-- shop's open orders grow. Statistics of outlet and status together (their most common pairs) tell the planner how
-- many each outlet has open: it then reads that outlet's range of fulfillment_outlet_status (under 0.2 ms).
-- They must hold every pair: with the default target (100), a sample of a million sales missed three of the 22 pairs,
-- the planner still expected 1,118 open at the outlet with none, and kept reading fulfillment_open. At 1000, ANALYZE
-- samples 300,000 fulfillments and keeps up to 1,000 pairs: about 160 outlets of six statuses each.
-- No index is added: one on (outlet_id, id) of the open ones was never chosen over fulfillment_open, even where it
-- would have read less.
-- jOOQ's DDL simulation does not know extended statistics; they change no table.
-- [jooq ignore start]
create statistics fulfillment_outlet_status (mcv) on outlet_id, status from fulfillment;
alter statistics fulfillment_outlet_status set statistics 1000;
-- [jooq ignore stop]
