-- Expiry warnings already sent: one row per credential, validUntil and alert, written in the same transaction as
-- the outbox row that announces it, so that the primary key makes "once" hold across restarts, replicas and re-runs.
-- A renewal (a new valid_until) has no rows yet and starts again. kind EXPIRING carries its threshold in days;
-- EXPIRED has threshold_days 0.
CREATE TABLE credential_alert (
    credential_id  UUID        NOT NULL REFERENCES credential (id),
    valid_until    DATE        NOT NULL,
    kind           VARCHAR(20) NOT NULL,
    threshold_days INTEGER     NOT NULL,
    days_left      INTEGER     NOT NULL,
    as_of          DATE        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (credential_id, valid_until, kind, threshold_days),
    CHECK ((kind = 'EXPIRING' AND threshold_days > 0) OR (kind = 'EXPIRED' AND threshold_days = 0))
);

-- Each completed check of every credential, for operators and so that the scheduled job runs once per hospital day.
CREATE TABLE credential_alert_run (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of        DATE         NOT NULL,
    trigger      VARCHAR(20)  NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL,
    finished_at  TIMESTAMPTZ  NOT NULL,
    checked      INTEGER      NOT NULL,
    expiring     INTEGER      NOT NULL,
    expired      INTEGER      NOT NULL,
    replica      VARCHAR(200) NOT NULL
);
CREATE INDEX credential_alert_run_by_day ON credential_alert_run (as_of);
