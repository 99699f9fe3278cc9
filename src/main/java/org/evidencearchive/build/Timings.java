package org.evidencearchive.build;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time of each pipeline stage of one run, in milliseconds, for benchmarks and {@code --timings}. */
public final class Timings {
    private final Map<String, Long> stages = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the current stage under a name and starts the next. */
    void lap(String stage) {
        long now = System.nanoTime();
        stages.merge(stage, (now - last) / 1_000_000, Long::sum);
        last = now;
    }

    /** Returns the stages in order with their milliseconds. */
    public Map<String, Long> stages() {
        return java.util.Collections.unmodifiableMap(stages);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        stages.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v).append(" ms"));
        return s.toString();
    }
}
