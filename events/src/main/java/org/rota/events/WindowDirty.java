package org.rota.events;

import java.time.Instant;

/** Internal ({@code rota.solver.work.v1}, key = window id): this planning window must be solved again. */
public record WindowDirty(String windowId, String cause, Instant at) {
}
