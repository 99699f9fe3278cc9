package org.evidencearchive.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.LinkOption;
import java.util.stream.Stream;

/**
 * Atomic output. A first build is written into a fresh folder beside the target and renamed into place. A
 * rebuild changes only what changed: every file whose bytes differ is first written beside its target under
 * a temporary name, and only when all of them are written are they renamed over their targets and the files
 * the site no longer has removed. A failed build, or a failed write, leaves the previous site as it was.
 * (On this kind of disk, creating a file costs ~20× reading one: a rebuild that rewrote every file would
 * spend most of its time in the file system.)
 */
public final class SiteWriter {
    private SiteWriter() {}

    /** Creates an empty staging folder beside {@code out}. */
    public static Path stage(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "." + out.getFileName() + ".staging-");
    }

    /** Writes files (path relative to the site root → bytes) into a folder: each folder made once, files in parallel. */
    public static void write(Path dir, Map<String, byte[]> files) throws IOException {
        Map<Path, byte[]> targets = new java.util.LinkedHashMap<>();
        java.util.SortedSet<Path> folders = new java.util.TreeSet<>();
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey()).normalize();
            if (!p.startsWith(dir) || p.equals(dir)) throw new IOException("refusing to write outside the site: " + e.getKey());
            targets.put(p, e.getValue());
            folders.add(p.getParent());
        }
        for (Path f : folders) Files.createDirectories(f);
        forEachParallel(targets.keySet(), p -> Files.write(p, targets.get(p)));
    }

    /** What a publish did: files written (new or changed), left as they were, and removed. */
    public record Published(int written, int unchanged, int removed) {}

    private static final String TEMP_SUFFIX = ".publishing";

    /**
     * Makes {@code out} hold exactly {@code files}. Without a previous site (or when a file must become a
     * folder, or a folder a file), the whole site is staged and swapped in; otherwise only changed files are
     * written, through temporary files renamed into place.
     */
    public static Published publish(Path out, Map<String, byte[]> files) throws IOException {
        out = out.toAbsolutePath().normalize();
        if (!Files.isDirectory(out)) return stageAndSwap(out, files);
        Path root = out;
        Map<Path, byte[]> changed = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean conflict = new java.util.concurrent.atomic.AtomicBoolean();
        files.entrySet().parallelStream().forEach(e -> {
            Path p = root.resolve(e.getKey()).normalize();
            if (!p.startsWith(root) || p.equals(root)) {
                conflict.set(true);
                return;
            }
            if (!same(p, e.getValue())) changed.put(p, e.getValue());
        });
        if (conflict.get()) throw new IOException("refusing to write outside the site");
        java.util.Set<Path> wanted = new java.util.HashSet<>();
        for (String k : files.keySet()) wanted.add(root.resolve(k).normalize());
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !wanted.contains(p)).forEach(stale::add);
        }
        for (Path p : changed.keySet()) {
            for (Path a = p.getParent(); a != null && a.startsWith(root) && !a.equals(root); a = a.getParent()) {
                if (Files.exists(a, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(a, LinkOption.NOFOLLOW_LINKS)) {
                    return stageAndSwap(out, files); // a file must become a folder
                }
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return stageAndSwap(out, files); // and the reverse
        }
        List<Path> made = new ArrayList<>();
        java.util.SortedSet<Path> folders = new java.util.TreeSet<>();
        for (Path p : changed.keySet()) folders.add(p.getParent());
        List<Path> temps = changed.keySet().stream().sorted().map(SiteWriter::temp).toList();
        try {
            for (Path f : folders) {
                for (Path a = f; !Files.isDirectory(a); a = a.getParent()) made.add(0, a);
                Files.createDirectories(f);
            }
            forEachParallel(changed.keySet(), p -> Files.write(temp(p), changed.get(p)));
        } catch (IOException | RuntimeException e) {
            for (Path t : temps) Files.deleteIfExists(t);
            for (Path d : made.reversed()) deleteIfEmpty(d);
            throw e;
        }
        forEachParallel(changed.keySet(), p -> move(temp(p), p));
        forEachParallel(stale, Files::delete);
        for (Path p : stale) {
            for (Path d = p.getParent(); d != null && !d.equals(root) && deleteIfEmpty(d); d = d.getParent()) {
                // climb while folders empty out
            }
        }
        return new Published(changed.size(), files.size() - changed.size(), stale.size());
    }

    private static Published stageAndSwap(Path out, Map<String, byte[]> files) throws IOException {
        Path staged = stage(out);
        try {
            write(staged, files);
            swap(staged, out);
            staged = null;
        } finally {
            if (staged != null) delete(staged);
        }
        return new Published(files.size(), 0, 0);
    }

    private static Path temp(Path p) {
        return p.resolveSibling(p.getFileName() + TEMP_SUFFIX);
    }

    /** Whether {@code p} is a regular file holding exactly {@code bytes}. */
    private static boolean same(Path p, byte[] bytes) {
        try {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) != bytes.length) return false;
            return java.util.Arrays.equals(Files.readAllBytes(p), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean deleteIfEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isPresent()) return false;
        } catch (IOException e) {
            return false;
        }
        try {
            Files.delete(dir);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private interface IoAction {
        void run(Path p) throws IOException;
    }

    private static void forEachParallel(java.util.Collection<Path> paths, IoAction action) throws IOException {
        try {
            paths.parallelStream().forEach(p -> {
                try {
                    action.run(p);
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
        } catch (java.io.UncheckedIOException x) {
            throw x.getCause();
        }
    }

    /** Replaces {@code out} with the staged folder; the old site is removed only after the swap. */
    public static void swap(Path staged, Path out) throws IOException {
        Path old = null;
        if (Files.exists(out)) {
            old = Files.createTempDirectory(out.toAbsolutePath().getParent(), "." + out.getFileName() + ".old-");
            Files.delete(old);
            move(out, old);
        }
        try {
            move(staged, out);
        } catch (IOException e) {
            if (old != null) move(old, out);
            throw e;
        }
        if (old != null) delete(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder and everything in it (its subfolders in parallel); a missing folder is fine. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        java.util.List<Path> children;
        try (var s = Files.list(dir)) {
            children = s.toList();
        }
        forEachParallel(children, SiteWriter::deleteTree);
        Files.delete(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(dir);
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) throw exc;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
