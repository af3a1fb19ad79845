package org.rota.platform.web;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.rota.platform.outbox.Outbox.OutboxAppended;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Serves hot reads by id from memory, on the I/O thread; a miss loads from the database on a worker thread.
 * Entries are keyed like change events ({@code <type>/<id>}) and dropped when a transaction that announced a change of
 * that entity completes. An invalidation that races a load waits for the load and then removes its result, so this
 * replica never serves a state older than its own last commit. Another replica's change is seen within the TTL.
 */
@ApplicationScoped
public class RepresentationCache {

    private final Cache<String, Object> entries;

    RepresentationCache(RepresentationCacheConfig config) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.maxEntries())
                .expireAfterWrite(config.ttl())
                .build();
    }

    @SuppressWarnings("unchecked")
    public <T> Uni<T> serve(String key, Supplier<T> loader) {
        T cached = (T) entries.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return Uni.createFrom()
                .item(() -> (T) entries.get(key, missing -> QuarkusTransaction.requiringNew().call(loader::get)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) OutboxAppended appended) {
        entries.invalidate(appended.key());
    }
}
