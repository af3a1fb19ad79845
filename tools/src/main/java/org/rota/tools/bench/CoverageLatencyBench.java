package org.rota.tools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.rota.tools.client.RotaClient;
import org.rota.tools.client.RotaClient.Reply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /coverage/at-risk} over four weeks of a 200-clinician, 2,000-activity department (issue 12's instance),
 * through REST against a running system ({@code ./rota up -d}), every request with the scheduler demo user's token: the
 * department is created, the bench waits until solver-service's read model holds all of it (all four windows
 * allocated), warms up, then times sequential requests and prints p50/p99/max per round.
 *
 * <p>Usage: {@code CoverageLatencyBench [rounds=3] [requests=200] [clinicians=200] [activities=2000]}
 */
public final class CoverageLatencyBench {

    private static final int WEEKS = 4;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int clinicians = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int activities = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        RotaClient rota = RotaClient.local();
        BenchDepartment department = new BenchDepartment();
        long setup = System.nanoTime();
        // every 5th credential lapses halfway, so that later lists are at risk and fixes are looked for
        department.create(rota, clinicians, activities, WEEKS, 5, 11);
        String range = "from=" + department.monday + "&to=" + department.monday.plusDays(7L * WEEKS - 1)
                + "&department=" + department.code;
        awaitAllWindows(rota, range);
        String url = rota.solver + "/coverage/at-risk?" + range + "&size=100";
        JsonNode first = rota.get(url).require("Listing coverage at risk");
        System.out.printf("Department %s: %d activities, %d clinicians, %d credentials, ready after %d s; %d activities"
                + " at risk over %d weeks%n", department.code, activities, clinicians, department.credentials.size(),
                (System.nanoTime() - setup) / 1_000_000_000, first.path("totalItems").asLong(), WEEKS);
        for (int i = 0; i < 50; i++) {
            rota.get(url).require("Warming up");
        }
        for (int round = 1; round <= rounds; round++) {
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                Reply reply = rota.get(url);
                micros.add((System.nanoTime() - start) / 1_000);
                if (!reply.ok()) {
                    throw new IllegalStateException("GET /coverage/at-risk answered " + reply.status());
                }
            }
            Collections.sort(micros);
            System.out.printf("round %d, %d requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", round, requests,
                    percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0,
                    micros.get(micros.size() - 1) / 1000.0);
        }
    }

    /** solver-service has read the whole department once each of its four weeks has an allocation. */
    private static void awaitAllWindows(RotaClient rota, String range) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode allocation = rota.get(rota.solver + "/allocations?" + range).require("Reading the allocation");
            if (allocation.path("windows").size() >= WEEKS) {
                return;
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("The department's " + WEEKS + " windows were not all allocated in 15 minutes");
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
