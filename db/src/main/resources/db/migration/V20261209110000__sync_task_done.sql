-- Done sync tasks are kept only for a while (core.sync.SyncRetention, a cluster job): status tasks stay once done so
-- that each change is told once, which only matters while its event could be read again. The job deletes the oldest
-- done ones first; this index finds them without reading the tasks still to deliver.
create index sync_task_done on sync_task (updated_at) where state = 'done';
