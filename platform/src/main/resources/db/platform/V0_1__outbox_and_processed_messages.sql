-- Shared by every Rota service (found through quarkus.flyway.locations=db/migration,db/platform).

-- Transactional outbox: a row is written in the same transaction as the state change it announces.
-- The identity is assigned by the database at INSERT time. A later change of the same entity can only start
-- after the earlier one committed (optimistic locking), so id order is commit order per key.
CREATE TABLE outbox_message (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic         VARCHAR(249) NOT NULL,
    message_key   VARCHAR(255) NOT NULL,
    event_id      UUID         NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    event_source  VARCHAR(100) NOT NULL,
    event_subject VARCHAR(255) NOT NULL,
    event_time    TIMESTAMPTZ  NOT NULL,
    payload       TEXT         NOT NULL
);

-- Inbound messages already applied, so that a redelivered message changes nothing.
CREATE TABLE processed_message (
    event_id     VARCHAR(255) NOT NULL,
    event_source VARCHAR(255) NOT NULL,
    topic        VARCHAR(249) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (event_source, event_id)
);
