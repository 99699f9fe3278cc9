package org.evidencearchive.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Builds small content trees on disk for tests: a copy of a fixture, plus files written by the test. */
public final class TempArchive {
    private final Path root;

    private TempArchive(Path root) {
        this.root = root;
    }

    /** Returns the repository root (where pom.xml is). */
    public static Path repo() {
        String prop = System.getProperty("archive.root");
        return prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
    }

    /** Creates a project in {@code dir} whose content is a copy of the named fixture, with the real templates. */
    public static TempArchive fromFixture(Path dir, String fixture) throws IOException {
        TempArchive t = new TempArchive(dir);
        copy(repo().resolve("src/test/resources/fixtures/" + fixture), dir.resolve("content"));
        t.linkSharedParts();
        // A fixture is an archive of its own: it has published nothing yet.
        Files.deleteIfExists(dir.resolve("site-config/urls.txt"));
        Files.deleteIfExists(dir.resolve("site-config/fixity.txt"));
        return t;
    }

    /** Creates a project in {@code dir} with a copy of the real archive's content. */
    public static TempArchive fromRealContent(Path dir) throws IOException {
        TempArchive t = new TempArchive(dir);
        copy(repo().resolve("content"), dir.resolve("content"));
        t.linkSharedParts();
        return t;
    }

    /** Creates a project in {@code dir} holding a synthetic archive of {@code sources} sources (the bench generator's). */
    public static TempArchive synthetic(Path dir, int sources) throws IOException {
        TempArchive t = new TempArchive(dir);
        new org.evidencearchive.bench.Generator(org.evidencearchive.bench.Generator.vocabularyOf(repo().resolve("content/sources")), 1)
                .write(dir, sources, 3);
        t.linkSharedParts();
        Files.deleteIfExists(dir.resolve("site-config/urls.txt"));
        Files.deleteIfExists(dir.resolve("site-config/fixity.txt"));
        return t;
    }

    private void linkSharedParts() throws IOException {
        for (String part : new String[] {"templates", "assets", "site-config"}) {
            copy(repo().resolve(part), root.resolve(part));
        }
    }

    /** Returns every file under a folder (a built site, say) by its relative path, with its bytes. */
    public static java.util.Map<String, byte[]> files(Path root) throws IOException {
        java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }

    /** Copies a folder tree. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    /** Returns the project root. */
    public Path root() {
        return root;
    }

    /** Returns the content folder. */
    public Path content() {
        return root.resolve("content");
    }

    /** Writes a content file (path relative to content/). */
    public Path write(String relative, String text) throws IOException {
        Path p = content().resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Writes raw bytes to a content file. */
    public Path writeBytes(String relative, byte[] bytes) throws IOException {
        Path p = content().resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }
}
