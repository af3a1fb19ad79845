-- A credential's status in time: each suspension, revocation or reinstatement takes effect from its effective time.
-- Oldest first (position); the first step, the status granted, has no effective time (from the start of validity).
CREATE TABLE credential_status_step (
    credential_id  UUID        NOT NULL REFERENCES credential (id),
    position       INTEGER     NOT NULL,
    status         VARCHAR(20) NOT NULL,
    effective_from TIMESTAMPTZ,
    PRIMARY KEY (credential_id, position)
);

ALTER TABLE credential_change ADD COLUMN effective_from TIMESTAMPTZ;

-- Before effective times existed a status change took effect when it was made: rebuild each credential's steps from
-- its history, the grant first.
WITH steps AS (
    SELECT credential_id, kind, changed_at, CAST(state AS json) ->> 'status' AS status,
           row_number() OVER (PARTITION BY credential_id ORDER BY id) - 1 AS position
    FROM credential_change
    WHERE kind IN ('GRANTED', 'SUSPENDED', 'REINSTATED', 'REVOKED')
)
INSERT INTO credential_status_step (credential_id, position, status, effective_from)
SELECT credential_id, position, status, CASE WHEN position = 0 THEN NULL ELSE changed_at END
FROM steps;

UPDATE credential_change SET effective_from = changed_at WHERE kind IN ('SUSPENDED', 'REINSTATED', 'REVOKED');
