package org.rota.tools.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relay's {@code rota_outbox_publish_delay_seconds} histogram (outbox commit → Kafka commit) as read from
 * {@code /q/metrics}; two readings subtracted give the delays of what was written in between.
 *
 * <p>Usage: {@code OutboxDelayHistogram <metrics before> <metrics after>} (files), as {@code bench/rest-bench} does
 * around its write run.
 */
final class OutboxDelayHistogram {

    private static final Pattern BUCKET = Pattern.compile(
            "(?m)^rota_outbox_publish_delay_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)");

    /** Cumulative counts by upper bound in seconds. */
    private final TreeMap<Double, Double> cumulative;

    private OutboxDelayHistogram(TreeMap<Double, Double> cumulative) {
        this.cumulative = cumulative;
    }

    static OutboxDelayHistogram parse(String metrics) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        Matcher bucket = BUCKET.matcher(metrics);
        while (bucket.find()) {
            double le = "+Inf".equals(bucket.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1));
            buckets.put(le, Double.parseDouble(bucket.group(2)));
        }
        if (buckets.isEmpty()) {
            throw new IllegalStateException("The metrics have no rota_outbox_publish_delay_seconds histogram");
        }
        return new OutboxDelayHistogram(buckets);
    }

    OutboxDelayHistogram since(OutboxDelayHistogram earlier) {
        TreeMap<Double, Double> difference = new TreeMap<>();
        cumulative.forEach((le, count) -> difference.put(le, count - earlier.cumulative.getOrDefault(le, 0.0)));
        return new OutboxDelayHistogram(difference);
    }

    double count() {
        return cumulative.lastEntry().getValue();
    }

    /** The q-quantile in seconds, interpolated linearly inside the bucket that holds it. */
    double quantile(double q) {
        double target = q * count();
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= target) {
                double upper = bucket.getKey().isInfinite() ? lowerBound : bucket.getKey();
                double inBucket = bucket.getValue() - lowerCount;
                return inBucket == 0 ? upper : lowerBound + (upper - lowerBound) * (target - lowerCount) / inBucket;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }

    String summary() {
        return "%.0f events relayed: commit -> Kafka commit p50 %.1f ms, p99 %.1f ms".formatted(count(),
                quantile(0.50) * 1000, quantile(0.99) * 1000);
    }

    public static void main(String[] args) throws Exception {
        OutboxDelayHistogram before = parse(Files.readString(Path.of(args[0])));
        OutboxDelayHistogram after = parse(Files.readString(Path.of(args[1])));
        System.out.println(after.since(before).summary());
    }
}
