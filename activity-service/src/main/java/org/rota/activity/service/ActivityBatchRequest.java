package org.rota.activity.service;

import java.util.List;

/** A bulk import: up to {@link ActivityService#MAX_BATCH} activities, applied all together or not at all. */
public record ActivityBatchRequest(List<ActivityRequest> items) {
}
