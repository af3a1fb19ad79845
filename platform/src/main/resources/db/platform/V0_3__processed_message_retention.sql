-- Applied-message ids are kept for rota.inbound.processed-retention and pruned oldest first.
CREATE INDEX processed_message_processed_at ON processed_message (processed_at);
