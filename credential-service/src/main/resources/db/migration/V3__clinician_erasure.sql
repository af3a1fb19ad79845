-- Right to erasure: when a clinician's personal data was erased. An erased clinician keeps its id (credentials,
-- history and allocations refer to it) under a pseudonym, and takes no further changes.
ALTER TABLE clinician ADD COLUMN erased_at TIMESTAMPTZ;
