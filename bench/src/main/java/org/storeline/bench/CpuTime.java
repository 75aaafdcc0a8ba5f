package org.storeline.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU time spent so far by this JVM (Storeline and the benchmark's client) and by the embedded PostgreSQL (its
 * postmaster's children, read from {@code /proc}; Linux only), background work included. What a request costs in CPU
 * depends much less on what else the machine runs than its latency does (it still grows somewhat when other work
 * takes the caches), so it says what a request asks of the machine.
 */
record CpuTime(long jvmNanos, long postgresNanos) {
    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on Linux (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;

    static CpuTime now(Path postgresData) {
        long jvm =
                ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
        return new CpuTime(jvm, postgres(postgresData));
    }

    /** Milliseconds per request of the JVM and of PostgreSQL between {@code before} and this, over {@code requests}. */
    String perRequest(CpuTime before, long requests) {
        double jvm = (jvmNanos - before.jvmNanos) / 1e6 / requests;
        if (postgresNanos < 0 || before.postgresNanos < 0) {
            return String.format("CPU per request: JVM %.1f ms", jvm);
        }
        double pg = (postgresNanos - before.postgresNanos) / 1e6 / requests;
        return String.format("CPU per request: JVM %.1f ms + PostgreSQL %.1f ms", jvm, pg);
    }

    /** utime + stime of every child of the postmaster, or -1 when {@code /proc} cannot say. */
    private static long postgres(Path postgresData) {
        try {
            String postmaster = Files.readAllLines(postgresData.resolve("postmaster.pid"))
                    .get(0)
                    .trim();
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .toList()) {
                    List<String> fields = stat(proc);
                    if (fields.size() > 15
                            && (fields.get(3).equals(postmaster)
                                    || proc.getFileName().toString().equals(postmaster))) {
                        ticks += Long.parseLong(fields.get(13)) + Long.parseLong(fields.get(14));
                    }
                }
            }
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The fields of {@code /proc/<pid>/stat}, the command name (which may hold spaces) as one. */
    private static List<String> stat(Path proc) {
        try {
            String line = Files.readString(proc.resolve("stat"));
            int close = line.lastIndexOf(')');
            String head = line.substring(0, line.indexOf(' '));
            String rest = line.substring(close + 2);
            List<String> fields = new ArrayList<>();
            fields.add(head);
            fields.add("comm");
            fields.addAll(List.of(rest.split(" ")));
            return fields;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
