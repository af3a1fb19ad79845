-- A credential's status in time, as credential-service announced it (statusHistory): each step's status applies from
-- its effective time until the next step's; the first step (the status granted) has none. No rows: the credential's
-- status applies throughout (an event from before effective times existed).
CREATE TABLE known_credential_status (
    credential_id  UUID        NOT NULL,
    position       INTEGER     NOT NULL,
    status         VARCHAR(20) NOT NULL,
    effective_from TIMESTAMPTZ,
    PRIMARY KEY (credential_id, position)
);
