-- An event Kafka refuses for good (larger than the broker accepts, invalid) is parked: kept with its reason for an
-- operator to look at, and out of the way of the events behind it. Setting parked_at back to NULL offers it again.
ALTER TABLE outbox_message
    ADD COLUMN parked_at     TIMESTAMPTZ,
    ADD COLUMN parked_reason VARCHAR(2000);

-- The relay reads the oldest pending events; parked ones must not slow that scan down.
CREATE INDEX outbox_message_pending ON outbox_message (id) WHERE parked_at IS NULL;
