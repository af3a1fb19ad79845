package org.rota.web.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.events.AllocationEvent;
import org.rota.events.AllocationEvent.Change;
import org.rota.web.config.WebConfig;

/**
 * The diffs of each window's latest allocation versions, as this replica read them from {@code rota.allocations.v1}
 * (from the topic's beginning at start: the compacted topic keeps at least each window's latest version). Only the
 * diffs are kept, at most {@code web.history-depth} per window.
 */
@ApplicationScoped
public class AllocationHistory {

    /** One allocation version's changes to one activity: who came in, who left. */
    public record Version(long version, Instant publishedAt, String solverStatus, List<UUID> added,
            List<UUID> removed) {
    }

    private record WindowVersion(long version, Instant publishedAt, String solverStatus, List<Change> added,
            List<Change> removed) {
    }

    /** Per window, newest first; each list is immutable and replaced whole, so that readers need no lock. */
    private final Map<String, List<WindowVersion>> windows = new ConcurrentHashMap<>();
    private final int depth;

    AllocationHistory(WebConfig config) {
        this.depth = config.historyDepth();
    }

    void record(AllocationEvent event) {
        AllocationEvent.Diff diff = event.diff();
        WindowVersion version = new WindowVersion(event.version(), event.publishedAt(), event.solverStatus(),
                diff == null || diff.added() == null ? List.of() : diff.added(),
                diff == null || diff.removed() == null ? List.of() : diff.removed());
        windows.compute(event.windowId(), (id, versions) -> {
            if (versions != null && !versions.isEmpty() && versions.get(0).version() >= version.version()) {
                return versions; // a replayed or stale version
            }
            List<WindowVersion> kept = new ArrayList<>(depth);
            kept.add(version);
            if (versions != null) {
                kept.addAll(versions.subList(0, Math.min(versions.size(), depth - 1)));
            }
            return List.copyOf(kept);
        });
    }

    /** The window's versions newest first, each with what it changed for this activity (often nothing). */
    public List<Version> of(String windowId, UUID activityId) {
        List<Version> result = new ArrayList<>();
        for (WindowVersion v : windows.getOrDefault(windowId, List.of())) {
            result.add(new Version(v.version(), v.publishedAt(), v.solverStatus(), clinicians(v.added(), activityId),
                    clinicians(v.removed(), activityId)));
        }
        return result;
    }

    private static List<UUID> clinicians(List<Change> changes, UUID activityId) {
        return changes.stream().filter(c -> activityId.equals(c.activityId())).map(Change::clinicianId).toList();
    }
}
