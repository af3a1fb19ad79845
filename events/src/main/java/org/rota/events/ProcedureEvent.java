package org.rota.events;

import java.time.Instant;
import java.util.UUID;

/** Full state of a procedure after a change. */
public record ProcedureEvent(UUID id, String code, String name, boolean active, long version, Instant updatedAt) {
}
