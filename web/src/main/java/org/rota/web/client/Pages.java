package org.rota.web.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.smallrye.mutiny.Uni;

/** Every item of a paged listing: the first page, then the rest in parallel. */
final class Pages {

    static final int SIZE = 500;

    static <T> Uni<List<T>> all(IntFunction<Uni<Page<T>>> page) {
        return page.apply(0).flatMap(first -> {
            if (first.totalPages() <= 1) {
                return Uni.createFrom().item(first.items());
            }
            List<Uni<Page<T>>> rest = new ArrayList<>();
            for (int p = 1; p < first.totalPages(); p++) {
                rest.add(page.apply(p));
            }
            return Uni.join().all(rest).andFailFast().map(pages -> {
                List<T> items = new ArrayList<>(first.items());
                pages.forEach(next -> items.addAll(next.items()));
                return items;
            });
        });
    }

    private Pages() {
    }
}
