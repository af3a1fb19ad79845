package org.rota.tools.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rota.tools.client.OidcToken;

/**
 * Outbox commit → Kafka commit latency under a steady write rate: creates clinicians through credential-service's
 * {@code POST /clinicians} at {@code rate} per second for {@code seconds}, then reads the relay's
 * {@code rota_outbox_publish_delay_seconds} histogram before and after, so that only this run's events count, and
 * prints its p50 and p99 with the write rate achieved and the requests' own p99.
 *
 * <p>Usage: {@code OutboxLatencyBench [rate=1000] [seconds=20]}; needs a running system ({@code ./rota up -d}).
 */
public final class OutboxLatencyBench {

    private static final int MAX_OUTSTANDING = 256;

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String base = System.getenv().getOrDefault("ROTA_CREDENTIALS_URL", "http://127.0.0.1:8081");
        String management = System.getenv().getOrDefault("ROTA_CREDENTIALS_MANAGEMENT_URL", "http://127.0.0.1:9081");
        String authorization = "Bearer " + OidcToken.demoUser(OidcToken.issuer(),
                System.getenv().getOrDefault("ROTA_USER", "credentialing")).get();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        OutboxDelayHistogram before = histogram(http, management);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> requestNanos = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> requests = new ArrayList<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long started = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = started + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            outstanding.acquire();
            long sent = System.nanoTime();
            String body = "{\"externalId\":\"OUTBOX-BENCH-" + run + "-" + i + "\",\"displayName\":\"Bench Clinician "
                    + i + "\",\"role\":\"FACULTY\",\"departments\":[\"BENCH\"],\"fte\":1.0}";
            requests.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/clinicians"))
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        outstanding.release();
                        requestNanos.add(System.nanoTime() - sent);
                        if (failure != null || response.statusCode() != 201) {
                            failed.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).exceptionally(ignored -> null).join();
        double elapsed = (System.nanoTime() - started) / 1e9;
        awaitOutboxDrained(http, management);
        OutboxDelayHistogram thisRun = histogram(http, management).since(before);

        List<Long> sorted = requestNanos.stream().sorted().toList();
        System.out.printf("Outbox bench: %d writes asked at %d/s, %.0f/s achieved, %d failed, request p99 %.1f ms; %s%n",
                total, rate, total / elapsed, failed.get(), sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                thisRun.summary());
    }

    private static OutboxDelayHistogram histogram(HttpClient http, String base) throws Exception {
        return OutboxDelayHistogram.parse(http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void awaitOutboxDrained(HttpClient http, String base) throws Exception {
        Pattern pending = Pattern.compile("(?m)^rota_outbox_pending(?:\\{[^}]*})? ([0-9.eE+-]+)");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            Matcher value = pending.matcher(http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (value.find() && Double.parseDouble(value.group(1)) == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The outbox did not drain within a minute");
    }

    private OutboxLatencyBench() {
    }
}
