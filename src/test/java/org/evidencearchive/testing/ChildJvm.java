package org.evidencearchive.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second JVM for a test: the same Java and the test classpath, running another main class. */
public final class ChildJvm {
    private ChildJvm() {}

    /** Returns a process builder that runs {@code mainClass} with {@code args} in a new JVM like this one. */
    public static ProcessBuilder of(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
