-- Allocations by range: the window's department and week as indexed columns (window id = <department>/<yyyy-mm-dd>).
ALTER TABLE allocation ADD COLUMN department VARCHAR(100);
ALTER TABLE allocation ADD COLUMN week_start DATE;
UPDATE allocation SET department = left(window_id, length(window_id) - 11),
                      week_start = CAST(right(window_id, 10) AS DATE);
ALTER TABLE allocation ALTER COLUMN department SET NOT NULL;
ALTER TABLE allocation ALTER COLUMN week_start SET NOT NULL;
CREATE INDEX allocation_by_week ON allocation (week_start, department);

-- Input position: the PostgreSQL snapshot (pg_snapshot as text) a solve read the read model in. Allocations stored
-- before this migration have none and count as older than any solve.
ALTER TABLE allocation ADD COLUMN input_snapshot TEXT;
ALTER TABLE solve_run ADD COLUMN input_snapshot TEXT;

-- The history of one window, and its retention, by index.
CREATE INDEX solve_run_by_window ON solve_run (window_id, started_at DESC);
