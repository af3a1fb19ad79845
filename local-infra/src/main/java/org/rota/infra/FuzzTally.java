package org.rota.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a fuzz run per endpoint (sent, 2xx, 4xx, 5xx), printed and written to {@code target/fuzz-<name>.txt}. */
public final class FuzzTally {

    private final Map<String, int[]> counts = new TreeMap<>();

    public void record(String endpoint, int status) {
        int[] row = counts.computeIfAbsent(endpoint, key -> new int[4]);
        row[0]++;
        if (status >= 200 && status < 300) {
            row[1]++;
        } else if (status >= 400 && status < 500) {
            row[2]++;
        } else if (status >= 500) {
            row[3]++;
        }
    }

    public int serverErrors() {
        return counts.values().stream().mapToInt(row -> row[3]).sum();
    }

    public String table() {
        StringBuilder table = new StringBuilder(String.format("%-40s %6s %6s %6s %6s%n", "endpoint", "sent", "2xx",
                "4xx", "5xx"));
        counts.forEach((endpoint, row) -> table.append(String.format("%-40s %6d %6d %6d %6d%n", endpoint, row[0],
                row[1], row[2], row[3])));
        return table.toString();
    }

    /** Prints the table and keeps it beside the build's other reports. */
    public void report(String name, long seed) {
        String text = "fuzz " + name + " (seed " + seed + ")\n" + table();
        System.out.print(text);
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("fuzz-" + name + ".txt"), text);
        } catch (IOException e) {
            System.err.println("could not write the fuzz report: " + e.getMessage());
        }
    }
}
