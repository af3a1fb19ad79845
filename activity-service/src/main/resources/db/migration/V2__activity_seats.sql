-- An activity's seat groups, as the events carry them ([{"minimumLevel":"EXPERT","count":1,"optional":false}, ...]):
-- read and written whole with the activity, never queried by group. Existing rows get their shorthand's one group.
-- required_clinicians and minimum_level stay as the shorthand the groups reduce to (the required seats and their
-- lowest level), which filters and older readers use.
ALTER TABLE activity ADD COLUMN seats JSONB;
UPDATE activity SET seats = jsonb_build_array(jsonb_build_object(
        'minimumLevel', minimum_level, 'count', required_clinicians, 'optional', false));
ALTER TABLE activity ALTER COLUMN seats SET NOT NULL;
ALTER TABLE activity ADD CONSTRAINT activity_seats_is_array CHECK (jsonb_typeof(seats) = 'array');

-- null: the solver's configured default
ALTER TABLE activity ADD COLUMN trainees_per_supervisor INTEGER CHECK (trainees_per_supervisor BETWEEN 0 AND 50);
