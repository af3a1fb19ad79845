-- A seat taken within the freeze horizon of its activity (the assignee planned before could no longer serve): the
-- people concerned must be told now. The clinician's view shows it as the allocation event does.
ALTER TABLE current_assignment ADD COLUMN urgent BOOLEAN NOT NULL DEFAULT FALSE;
