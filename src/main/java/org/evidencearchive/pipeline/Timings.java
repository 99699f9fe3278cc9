package org.evidencearchive.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each pipeline stage of one run cost, for benchmarks and {@code --timings}: wall time, the process's CPU
 * time (all threads), its peak heap (the sum of the heap pools' peaks, reset at each stage) and its peak
 * resident set (Linux's VmHWM, reset at each stage through /proc/self/clear_refs; -1 where unavailable).
 */
public final class Timings {
    /** One stage: milliseconds of wall and CPU time, and peak heap and RSS in MiB. */
    public record Stage(String name, long wallMs, long cpuMs, long peakHeapMiB, long peakRssMiB) {}

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private final com.sun.management.OperatingSystemMXBean os =
            ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
    private final List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private long last = System.nanoTime();
    private long lastCpu = cpu();

    Timings() {
        reset();
    }

    /** Ends the current stage under a name and starts the next; a repeated name adds to the earlier stage. */
    void lap(String stage) {
        long now = System.nanoTime();
        long cpuNow = cpu();
        long heapPeak = 0;
        for (MemoryPoolMXBean p : heap) heapPeak += p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed();
        Stage s = new Stage(stage, (now - last) / 1_000_000, Math.max(0, cpuNow - lastCpu) / 1_000_000,
                heapPeak >> 20, peakRssKiB() < 0 ? -1 : peakRssKiB() >> 10);
        stages.merge(stage, s, (a, b) -> new Stage(stage, a.wallMs() + b.wallMs(), a.cpuMs() + b.cpuMs(),
                Math.max(a.peakHeapMiB(), b.peakHeapMiB()), Math.max(a.peakRssMiB(), b.peakRssMiB())));
        reset();
        last = System.nanoTime();
        lastCpu = cpu();
    }

    /** Returns the stages in order with their milliseconds of wall time. */
    public Map<String, Long> stages() {
        Map<String, Long> out = new LinkedHashMap<>();
        stages.forEach((k, v) -> out.put(k, v.wallMs()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Returns every stage's measurements, in order. */
    public List<Stage> measured() {
        return List.copyOf(stages.values());
    }

    /**
     * A table of the stages for a terminal: wall and CPU time, the stage's share of the build's CPU, the cores it kept
     * busy on average (CPU ÷ wall), and the peaks of heap and resident memory; then the totals.
     */
    public String table() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-10s %9s %9s %6s %6s %10s %9s%n", "stage", "wall ms",
                "cpu ms", "cpu %", "cores", "heap MiB", "rss MiB"));
        List<Stage> all = new ArrayList<>(stages.values());
        long wall = all.stream().mapToLong(Stage::wallMs).sum(), cpu = all.stream().mapToLong(Stage::cpuMs).sum();
        for (Stage x : all) {
            s.append(String.format(Locale.ROOT, "%-10s %9d %9d %6.1f %6.2f %10d %9s%n", x.name(), x.wallMs(), x.cpuMs(),
                    cpu == 0 ? 0.0 : 100.0 * x.cpuMs() / cpu, x.wallMs() == 0 ? 0.0 : (double) x.cpuMs() / x.wallMs(),
                    x.peakHeapMiB(), x.peakRssMiB() < 0 ? "n/a" : Long.toString(x.peakRssMiB())));
        }
        s.append(String.format(Locale.ROOT, "%-10s %9d %9d %6.1f %6.2f%n", "total", wall, cpu, 100.0,
                wall == 0 ? 0.0 : (double) cpu / wall));
        return s.toString();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        stages.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v.wallMs()).append(" ms"));
        return s.toString();
    }

    private long cpu() {
        return os.getProcessCpuTime();
    }

    private void reset() {
        for (MemoryPoolMXBean p : heap) p.resetPeakUsage();
        try {
            if (Files.isWritable(CLEAR_REFS)) Files.writeString(CLEAR_REFS, "5"); // resets VmHWM to the current RSS
        } catch (IOException | UnsupportedOperationException | SecurityException ignored) {
            // Peak RSS then covers the run so far, which is still an upper bound.
        }
    }

    private static long peakRssKiB() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Linux.
        }
        return -1;
    }
}
