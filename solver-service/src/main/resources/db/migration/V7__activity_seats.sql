-- Seats and supervision (issue 10). An activity's seat groups as its event carries them, read and written whole
-- ([{"minimumLevel":"EXPERT","count":1,"optional":false}, ...]); rows from before get their shorthand's one group.
-- required_clinicians and minimum_level stay as the shorthand the groups reduce to.
ALTER TABLE known_activity ADD COLUMN seats JSONB;
UPDATE known_activity SET seats = jsonb_build_array(jsonb_build_object(
        'minimumLevel', minimum_level, 'count', required_clinicians, 'optional', false));
ALTER TABLE known_activity ALTER COLUMN seats SET NOT NULL;
-- null: solver.trainees-per-supervisor
ALTER TABLE known_activity ADD COLUMN trainees_per_supervisor INTEGER;

-- The level of the seat group an assignee fills; null for assignments published before seats existed.
ALTER TABLE current_assignment ADD COLUMN seat VARCHAR(20);
