package org.rota.activity.service;

import java.util.List;
import java.util.UUID;

/** What a bulk import did; {@code ids} are in the order of the request's items. */
public record ActivityBatchResult(int created, int updated, int unchanged, List<UUID> ids) {
}
