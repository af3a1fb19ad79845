package org.rota.web.client;

import java.util.List;

/** One page of a service's paged list (platform's {@code Page}). */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}
