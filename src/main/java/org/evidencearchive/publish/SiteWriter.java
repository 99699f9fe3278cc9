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

    /** What a publish did: files written (new or changed), left as they were, and removed. */
    public record Published(int written, int unchanged, int removed) {}

    private static final String TEMP_SUFFIX = ".publishing";

    /**
     * Makes {@code out} hold exactly {@code files}: a {@link Transaction} given every file, then committed (or
     * aborted, leaving the previous site as it was, when a write fails).
     */
    public static Published publish(Path out, Map<String, byte[]> files) throws IOException {
        Transaction tx = begin(out);
        try {
            for (var e : files.entrySet()) tx.put(e.getKey(), e.getValue());
        } catch (IOException | RuntimeException | Error e) {
            tx.abort();
            throw e;
        }
        return tx.commit();
    }

    /** Starts publishing into {@code out}: files are given one by one ({@link Transaction#put}), from any thread. */
    public static Transaction begin(Path out) throws IOException {
        return new Transaction(out.toAbsolutePath().normalize(), null);
    }

    /**
     * Starts changing part of a published site: the files given replace theirs (when their bytes differ), the
     * files named in {@code remove} go, and every other file stays as it is. Committing looks at nothing else,
     * so its cost follows the size of the change, not of the site.
     */
    public static Transaction patch(Path out, java.util.Collection<String> remove) throws IOException {
        Path root = out.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) throw new IOException("no site to change at " + root);
        java.util.Set<Path> paths = new java.util.HashSet<>();
        for (String r : remove) paths.add(root.resolve(r).normalize());
        return new Transaction(root, paths);
    }

    /**
     * One publish, file by file, so that a build need not hold its whole output in memory. Without a previous
     * site, files go into a staging folder that {@link #commit()} swaps in. Otherwise a file whose bytes differ
     * from the published one is written beside it under a temporary name, and {@link #commit()} renames every
     * such file into place, then removes the files no longer published; {@link #abort()} removes the temporary
     * files and leaves the previous site as it was. (Where a file must become a folder or a folder a file, that
     * file is kept in memory and written at commit.)
     */
    public static final class Transaction {
        private final Path out;
        private final Path staged;
        private final Path root;
        private final java.util.Set<Path> given = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.Set<Path> temps = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Map<Path, byte[]> deferred = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger unchanged = new java.util.concurrent.atomic.AtomicInteger();
        /** In a patch, the files to remove; null when the site becomes exactly the files given. */
        private final java.util.Set<Path> removals;
        /** Puts share it; commit and abort take it alone, so they never run beside a put. */
        private final java.util.concurrent.locks.ReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
        private boolean done;

        private Transaction(Path out, java.util.Set<Path> removals) throws IOException {
            this.out = out;
            this.removals = removals;
            this.staged = removals == null && !Files.isDirectory(out) ? stage(out) : null;
            this.root = staged != null ? staged : out;
        }

        /**
         * Publishes one file (path relative to the site root); safe to call from several threads. Refused once the
         * transaction is committed or aborted (a parallel task may still be running when another one's failure
         * made the build abort).
         */
        public void put(String relative, byte[] bytes) throws IOException {
            lock.readLock().lock();
            try {
                if (done) throw new IOException("the publish is over; not written: " + relative);
                write(relative, bytes);
            } finally {
                lock.readLock().unlock();
            }
        }

        private void write(String relative, byte[] bytes) throws IOException {
            Path p = root.resolve(relative).normalize();
            if (!p.startsWith(root) || p.equals(root)) throw new IOException("refusing to write outside the site: " + relative);
            if (!given.add(p)) throw new IOException("published twice: " + relative);
            if (staged != null) {
                Files.createDirectories(p.getParent());
                Files.write(p, bytes);
                return;
            }
            if (same(p, bytes)) {
                unchanged.incrementAndGet();
                return;
            }
            if (blocked(p)) {
                deferred.put(p, bytes);
                return;
            }
            Files.createDirectories(p.getParent());
            Path t = temp(p);
            temps.add(t);
            Files.write(t, bytes);
        }

        /** Whether a folder stands where p must be, or a file where one of p's folders must be. */
        private boolean blocked(Path p) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return true;
            for (Path a = p.getParent(); a != null && !a.equals(root); a = a.getParent()) {
                if (Files.exists(a, LinkOption.NOFOLLOW_LINKS)) return !Files.isDirectory(a, LinkOption.NOFOLLOW_LINKS);
            }
            return false;
        }

        /**
         * Makes the site exactly the files given (in a patch: the files given, less those it was told to remove):
         * renames the changed ones into place, removes the rest.
         */
        public Published commit() throws IOException {
            if (!end()) throw new IOException("the publish is already over");
            if (staged != null) {
                try {
                    swap(staged, out);
                } catch (IOException e) {
                    delete(staged);
                    throw e;
                }
                return new Published(given.size(), 0, 0);
            }
            List<Path> stale = new ArrayList<>();
            if (removals != null) {
                for (Path p : removals) if (!given.contains(p) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) stale.add(p);
            } else {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !given.contains(p) && !temps.contains(p))
                            .forEach(stale::add);
                }
            }
            for (Path p : deferred.keySet()) { // clear what stands in the way of the deferred files
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) deleteTree(p);
                for (Path a = p.getParent(); a != null && !a.equals(root); a = a.getParent()) {
                    if (Files.exists(a, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(a, LinkOption.NOFOLLOW_LINKS)) Files.delete(a);
                }
            }
            stale.removeIf(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS));
            forEachParallel(temps, t -> move(t, target(t)));
            for (var e : deferred.entrySet()) {
                Files.createDirectories(e.getKey().getParent());
                Files.write(e.getKey(), e.getValue());
            }
            forEachParallel(stale, Files::deleteIfExists);
            for (Path p : stale) {
                for (Path d = p.getParent(); d != null && !d.equals(root) && deleteIfEmpty(d); d = d.getParent()) {
                    // climb while folders empty out
                }
            }
            return new Published(temps.size() + deferred.size(), unchanged.get(), stale.size());
        }

        /** Ends the intake of files: waits for puts in progress, refuses later ones; false if it had ended already. */
        private boolean end() {
            lock.writeLock().lock();
            try {
                if (done) return false;
                done = true;
                return true;
            } finally {
                lock.writeLock().unlock();
            }
        }

        /** Forgets everything given: the previous site stays exactly as it was. */
        public void abort() throws IOException {
            if (!end()) return;
            if (staged != null) {
                delete(staged);
                return;
            }
            for (Path t : temps) {
                Files.deleteIfExists(t);
                for (Path d = t.getParent(); d != null && !d.equals(root) && deleteIfEmpty(d); d = d.getParent()) {
                    // remove folders made for this publish only
                }
            }
        }
    }

    /** The file a temporary file stands in for. */
    private static Path target(Path temp) {
        String name = temp.getFileName().toString();
        return temp.resolveSibling(name.substring(0, name.length() - TEMP_SUFFIX.length()));
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
