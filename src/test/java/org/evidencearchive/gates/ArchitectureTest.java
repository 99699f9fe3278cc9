package org.evidencearchive.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code (docs/architecture.md): packages depend on each other without cycles, each says what it
 * holds in one sentence, classes stay small unless a reason is written down here, and one indentation style.
 */
class ArchitectureTest {
    private static final Path MAIN = TempArchive.repo().resolve("src/main/java/org/evidencearchive");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.evidencearchive\\.([a-z]+)\\.");

    /** Classes allowed over 400 lines, each with the reason (and the issue that will split it). */
    private static final Map<String, String> LARGE = Map.of(
            "publish/SiteWriter.java", "the publish transaction (its journal is Journal): one invariant, kept together",
            "serve/DevServer.java", "the preview server, its limits and its error page; to be split (architecture issue)",
            "graph/Archive.java", "the graph's maps and every query pages make of it");

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static List<String> packages() throws IOException {
        try (Stream<Path> s = Files.list(MAIN)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String pkg : packages()) {
            Set<String> to = new TreeSet<>();
            for (Path f : javaFiles(MAIN.resolve(pkg))) {
                Matcher m = REFERENCE.matcher(Files.readString(f));
                while (m.find()) if (!m.group(1).equals(pkg)) to.add(m.group(1));
            }
            uses.put(pkg, to);
        }
        assertTrue(uses.size() >= 10, uses::toString);
        List<List<String>> cycles = new ArrayList<>();
        for (String start : uses.keySet()) findCycle(start, start, new ArrayList<>(List.of(start)), uses, cycles);
        assertEquals(List.of(), cycles, "package cycles; dependencies: " + uses);
    }

    private static void findCycle(String start, String at, List<String> path, Map<String, Set<String>> uses, List<List<String>> out) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                if (path.stream().allMatch(p -> p.compareTo(start) >= 0)) out.add(cycle); // each cycle once
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                path.add(next);
                findCycle(start, next, path, uses, out);
                path.remove(path.size() - 1);
            }
        }
    }

    @Test
    void everyPackageSaysWhatItHoldsInOneSentence() throws IOException {
        for (String pkg : packages()) {
            Path info = MAIN.resolve(pkg).resolve("package-info.java");
            assertTrue(Files.isRegularFile(info), pkg + " has no package-info.java");
            String text = Files.readString(info);
            Matcher m = Pattern.compile("/\\*\\*\\s*(.+?)\\s*\\*/", Pattern.DOTALL).matcher(text);
            assertTrue(m.find(), pkg + ": no Javadoc");
            String sentence = m.group(1).replaceAll("\\s*\\n\\s*\\*?\\s*", " ");
            assertTrue(sentence.endsWith(".") && sentence.length() > 20, pkg + ": " + sentence);
        }
    }

    @Test
    void classesStaySmallUnlessAReasonIsWrittenDown() throws IOException {
        List<String> large = new ArrayList<>();
        for (Path f : javaFiles(MAIN)) {
            String name = MAIN.relativize(f).toString().replace('\\', '/');
            long lines = Files.readAllLines(f).size();
            if (lines > 400 && !LARGE.containsKey(name)) large.add(name + " (" + lines + " lines)");
        }
        assertEquals(List.of(), large, "split these, or say why not in ArchitectureTest.LARGE");
        for (String name : LARGE.keySet()) {
            assertTrue(Files.readAllLines(MAIN.resolve(name)).size() > 400, name + " is small now: take it off the list");
        }
    }

    @Test
    void oneIndentationStyleOfFourSpaces() throws IOException {
        List<String> twoSpaced = new ArrayList<>();
        for (Path root : List.of(MAIN, TempArchive.repo().resolve("src/test/java"))) {
            for (Path f : javaFiles(root)) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).matches("  [^ *].*")) {
                        twoSpaced.add(f.getFileName() + ":" + (i + 1));
                        break;
                    }
                }
            }
        }
        assertEquals(List.of(), twoSpaced, "indent Java with 4 spaces");
    }
}
