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
 * the site no longer has removed, each step logged first in a {@link Journal} beside the site. A failed build, or a
 * failed write, leaves the previous site as it was; so does a process killed in the middle of a commit, once the
 * next publish has replayed the journal it left.
 * (On this kind of disk, creating a file costs ~20× reading one: a rebuild that rewrote every file would
 * spend most of its time in the file system.) One publish at a time per output folder, across processes and
 * threads: a second one (a build beside a running serve) waits until the first is committed or aborted, and a
 * publish first removes what a killed one left behind ({@link OutputLock}).
 */
public final class SiteWriter {
    private SiteWriter() {}

    /**
     * The file every published site holds at its root. A build replaces the whole content of its output folder,
     * so it writes only into a folder that is empty, missing, or holds this file (a site it built before).
     */
    public static final String MARKER = ".evidence-archive-site";

    private static final byte[] MARKER_TEXT = ("This folder is a site built by the evidence archive (./archive build).\n"
            + "Each build replaces everything in it.\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** The output folder is not one a build may replace; the message says why and what to do. */
    public static final class NotASiteException extends IOException {
        /** An output folder refused, with the reason. */
        public NotASiteException(String message) {
            super(message);
        }
    }

    /**
     * Refuses an output folder that a build must not replace: an existing folder that is neither empty nor a
     * site built before (it has no {@link #MARKER}), a file, or the file-system root.
     */
    public static void checkReplaceable(Path out) throws NotASiteException {
        Path abs = out.toAbsolutePath().normalize();
        if (abs.getParent() == null) throw new NotASiteException("refusing to publish into the file-system root " + abs);
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotASiteException(abs + " exists and is not a folder");
        }
        if (Files.isRegularFile(abs.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.list(abs)) {
            if (s.findAny().isEmpty()) return;
        } catch (IOException e) {
            throw new NotASiteException("cannot read " + abs + ": " + e.getMessage());
        }
        throw new NotASiteException(abs + " is not empty and is not a site built by this tool (it has no " + MARKER
                + "); a build replaces everything in its output folder, so it leaves this one alone");
    }

    /** Creates an empty staging folder beside {@code out}, readable by a web server (rwxr-xr-x). */
    public static Path stage(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staged = Files.createTempDirectory(parent, "." + out.getFileName() + STAGING);
        try {
            Files.setPosixFilePermissions(staged, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own defaults apply
        }
        return staged;
    }

    /** What a publish did: files written (new or changed), left as they were, and removed. */
    public record Published(int written, int unchanged, int removed) {}

    /** The name of a file written beside its target until the commit renames it into place. */
    static final String TEMP_SUFFIX = ".publishing";

    /** Beside the site {@code <name>}: {@code .<name>.staging-*} is a first build's folder, before it is swapped in. */
    static final String STAGING = ".staging-";

    /** Beside the site {@code <name>}: {@code .<name>.journal-*} keeps what a commit replaced, and its log, until it has succeeded. */
    static final String JOURNAL = ".journal-";

    /** Beside the site {@code <name>}: {@code .<name>.old-*} is the previous site while a swap puts the new one in place. */
    static final String OLD = ".old-";

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

    /**
     * Starts publishing into {@code out}: files are given one by one ({@link Transaction#put}), from any thread. Waits
     * while another publish into {@code out} is open, in this process or another.
     */
    public static Transaction begin(Path out) throws IOException {
        return begin(out, Step.NONE);
    }

    /** {@link #begin(Path)} with a hook called before each change a commit makes (tests inject failures there). */
    static Transaction begin(Path out, Step step) throws IOException {
        return new Transaction(out.toAbsolutePath().normalize(), null, step);
    }

    /** Called before each change to the published site that a commit makes; may throw to make that change fail. */
    interface Step {
        Step NONE = what -> {};

        void before(String what) throws IOException;
    }

    /**
     * Starts changing part of a published site: the files given replace theirs (when their bytes differ), the
     * files named in {@code remove} go, and every other file stays as it is. Committing looks at nothing else,
     * so its cost follows the size of the change, not of the site.
     */
    public static Transaction patch(Path out, java.util.Collection<String> remove) throws IOException {
        Path root = out.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) throw new IOException("no site to change at " + root);
        java.util.Set<Path> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (String r : remove) paths.add(root.resolve(r).normalize());
        return new Transaction(root, paths, Step.NONE);
    }

    /**
     * One publish, file by file, so that a build need not hold its whole output in memory. Without a previous
     * site, files go into a staging folder that {@link #commit()} swaps in. Otherwise a file whose bytes differ
     * from the published one is written beside it under a temporary name, and {@link #commit()} renames every
     * such file into place, then removes the files no longer published; {@link #abort()} removes the temporary
     * files and leaves the previous site as it was. (Where a file must become a folder or a folder a file, that
     * file is kept in memory and written at commit.) It holds the output folder's {@link OutputLock} from its
     * beginning (waiting for another publish into the same folder, of this process or another, to end) until it is
     * committed or aborted, from whichever thread.
     */
    public static final class Transaction implements Precompressed.Sink {
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
        private volatile boolean done;

        private final Step step;

        private Transaction(Path out, java.util.Set<Path> removals, Step step) throws IOException {
            if (removals == null) checkReplaceable(out);
            this.out = out;
            this.removals = removals;
            this.step = step;
            this.held = OutputLock.acquire(out);
            Path staging = null;
            try {
                staging = removals == null && !Files.isDirectory(out) ? stage(out) : null;
                this.staged = staging;
                this.root = staged != null ? staged : out;
                if (removals == null) { // every whole site holds the marker; it is not counted with the files given
                    write(MARKER, MARKER_TEXT);
                    markerWritten = unchanged.getAndSet(0) == 0 ? 1 : 0;
                }
                Runtime.getRuntime().addShutdownHook(onShutdown);
            } catch (IOException | RuntimeException | Error e) {
                try {
                    if (staging != null) delete(staging);
                } catch (IOException x) {
                    e.addSuppressed(x);
                }
                held.release(false);
                throw e;
            }
        }

        /** This publish's hold on the output folder: taken when it begins, released when it is committed or aborted. */
        private final OutputLock held;

        /** Held by a commit or an abort from its start to its end, so that the shutdown hook waits for either. */
        private final java.util.concurrent.locks.ReentrantLock finishing = new java.util.concurrent.locks.ReentrantLock();

        /**
         * Run when the JVM is stopped (Ctrl-C, SIGTERM) before this publish ended: a commit in progress is let
         * finish (the site is then wholly the new one), otherwise the publish is aborted (the site stays wholly the
         * previous one, and no temporary file or staging folder is left behind).
         */
        private final Thread onShutdown = new Thread(() -> {
            if (finishing.isLocked()) System.err.println("archive: stopped; finishing the publish in progress first");
            finishing.lock();
            try {
                if (!done) System.err.println("archive: stopped; the output folder is left as it was before this build");
                abort();
            } catch (IOException | RuntimeException e) {
                System.err.println("archive: could not remove the temporary files of the stopped build: " + e.getMessage());
            } finally {
                finishing.unlock();
            }
        }, "stop publish");

        /** Runs a commit or an abort: never beside the shutdown hook, which it makes unneeded. */
        private <T> T finishing(Finish<T> finish) throws IOException {
            finishing.lock();
            boolean clean = false;
            try {
                T result = finish.run();
                clean = true;
                return result;
            } finally {
                held.release(clean); // after a failure, the next publish looks for what this one could not remove
                finishing.unlock();
                try {
                    Runtime.getRuntime().removeShutdownHook(onShutdown);
                } catch (IllegalStateException e) {
                    // the JVM is stopping: the hook runs, and finds this publish over
                }
            }
        }

        private interface Finish<T> {
            T run() throws IOException;
        }

        /** 1 when the marker was written by this publish (so it is not counted as a file of the site), else 0. */
        private int markerWritten;

        /**
         * Publishes one file (path relative to the site root); safe to call from several threads. Refused once the
         * transaction is committed or aborted (a parallel task may still be running when another one's failure
         * made the build abort).
         */
        @Override
        public void put(String relative, byte[] bytes) throws IOException {
            whileOpen("written", relative, () -> write(relative, bytes));
        }

        /**
         * Makes sure a file is not in the site once this publish is committed (unless it is also given). A whole
         * publish removes every file it was not given anyway; a patch removes this one too. Safe from several threads.
         */
        public void remove(String relative) throws IOException {
            whileOpen("removed", relative, () -> {
                Path p = inside(relative, "remove");
                if (removals != null) removals.add(p);
            });
        }

        /**
         * Keeps one published file as it is, without reading it: for a caller that knows its bytes are those it
         * would give (the search index of the last build, whose inputs and files are unchanged). Counted as unchanged.
         */
        public void keep(String relative) throws IOException {
            whileOpen("kept", relative, () -> {
                Path p = claim(relative);
                if (staged != null || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("no published file to keep: " + relative);
                }
                unchanged.incrementAndGet();
            });
        }

        /** A change to this publish. */
        private interface Change {
            void run() throws IOException;
        }

        /**
         * Makes a change while the publish takes them: beside other changes (from any thread), never beside a commit
         * or an abort, and refused once either has begun.
         */
        private void whileOpen(String what, String relative, Change change) throws IOException {
            lock.readLock().lock();
            try {
                if (done) throw new IOException("the publish is over; not " + what + ": " + relative);
                change.run();
            } finally {
                lock.readLock().unlock();
            }
        }

        /** Resolves a path given to this publish, refusing one outside the site or given before. */
        private Path claim(String relative) throws IOException {
            Path p = inside(relative, "write");
            if (!given.add(p)) throw new IOException("published twice: " + relative);
            return p;
        }

        /** Resolves a path of the site, refusing one outside it (to {@code what}: write, remove). */
        private Path inside(String relative, String what) throws IOException {
            Path p = root.resolve(relative).normalize();
            if (!p.startsWith(root) || p.equals(root)) throw new IOException("refusing to " + what + " outside the site: " + relative);
            return p;
        }

        /** A file's gzip twin that is not published any more (the file shrank below its threshold) goes. */
        @Override
        public void absent(String relative) throws IOException {
            remove(relative);
        }

        private void write(String relative, byte[] bytes) throws IOException {
            Path p = claim(relative);
            if (staged != null) {
                folderOf(p);
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
            folderOf(p);
            Path t = temp(p);
            temps.add(t);
            Files.write(t, bytes);
        }

        /** The folders this publish made or found: a file's folder is made once, not tried (and refused) per file. */
        private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private void folderOf(Path p) throws IOException {
            Path d = p.getParent();
            if (folders.contains(d)) return;
            Files.createDirectories(d);
            folders.add(d);
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
         * renames the changed ones into place, removes the rest. All or nothing: every file replaced or removed is
         * first kept in a journal beside the site, and if any step fails, every step already taken is undone in
         * reverse order, so the site is as it was before the commit (then the failure is thrown). Each step is logged
         * (forced to disk) before it is taken, so a process killed midway leaves a journal that the next publish
         * replays backwards ({@link OutputLock}).
         */
        public Published commit() throws IOException {
            return finishing(this::commitNow);
        }

        /**
         * {@link #commit()}, then {@code whileHeld} reads the published folder before the lock is released, so that
         * no other publish can change it in between (the up-to-date record is of the output this publish left).
         */
        public Published commit(java.util.function.Consumer<Path> whileHeld) throws IOException {
            return finishing(() -> {
                Published p = commitNow();
                whileHeld.accept(out);
                return p;
            });
        }

        private Published commitNow() throws IOException {
            if (!end()) throw new IOException("the publish is already over");
            if (staged != null) {
                try {
                    step.before("swap");
                    swap(staged, out);
                } catch (IOException | RuntimeException | Error e) {
                    delete(staged);
                    throw e;
                }
                return new Published(given.size() - markerWritten, 0, 0);
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
            Journal journal = new Journal(out, step);
            try {
                java.util.Set<Path> inTheWay = new java.util.HashSet<>(); // what stands in the way of the deferred files
                for (Path p : deferred.keySet()) {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) inTheWay.add(p);
                    for (Path a = p.getParent(); a != null && !a.equals(root); a = a.getParent()) {
                        if (Files.exists(a, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(a, LinkOption.NOFOLLOW_LINKS)) {
                            inTheWay.add(a);
                        }
                    }
                }
                journal.setAside(inTheWay);
                stale.removeIf(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS));
                journal.replace(temps);
                journal.create(deferred);
                journal.setAside(stale);
                for (Path p : stale) deleteEmptyFolders(p.getParent(), root);
                journal.committed();
            } catch (IOException | RuntimeException | Error e) {
                journal.rollBack(e);
                removeTemporaryFiles(e);
                throw e;
            }
            journal.discard();
            int written = temps.size() + deferred.size() - markerWritten;
            return new Published(written, unchanged.get(), stale.size());
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
            finishing(() -> {
                if (!end()) return null;
                if (staged != null) delete(staged);
                else removeTemporaryFiles(null);
                return null;
            });
        }

        /** Deletes the temporary files and the folders made for them only; failures go to {@code cause} if any. */
        private void removeTemporaryFiles(Throwable cause) throws IOException {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException e) {
                    if (cause == null) throw e;
                    cause.addSuppressed(e);
                }
                deleteEmptyFolders(t.getParent(), root); // folders made for this publish only
            }
        }
    }

    /** The file a temporary file stands in for. */
    static Path target(Path temp) {
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

    /**
     * Deletes {@code dir} if it is empty, then each folder above it that empties out in turn, up to (never) {@code
     * root}; stops at the first that is not empty, and never leaves {@code root}.
     */
    static void deleteEmptyFolders(Path dir, Path root) {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root) && deleteIfEmpty(d); d = d.getParent()) {
            // climb while folders empty out
        }
    }

    static boolean deleteIfEmpty(Path dir) {
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

    interface IoAction {
        void run(Path p) throws IOException;
    }

    /**
     * Runs an action on every path, in parallel, and returns only when every run has ended (a failed run does not
     * stop the others early, so nothing is still changing the site when a caller undoes a failed commit); then
     * throws the first failure, with the others suppressed.
     */
    static void forEachParallel(java.util.Collection<Path> paths, IoAction action) throws IOException {
        List<Exception> failures = paths.parallelStream().map(p -> {
            try {
                action.run(p);
                return null;
            } catch (IOException | RuntimeException x) {
                return (Exception) x;
            }
        }).filter(java.util.Objects::nonNull).toList();
        if (failures.isEmpty()) return;
        Exception first = failures.get(0);
        for (Exception other : failures.subList(1, failures.size())) first.addSuppressed(other);
        if (first instanceof IOException io) throw io;
        throw (RuntimeException) first;
    }

    /** Replaces {@code out} with the staged folder; the old site is removed only after the swap. */
    public static void swap(Path staged, Path out) throws IOException {
        Path old = null;
        if (Files.exists(out)) {
            old = Files.createTempDirectory(out.toAbsolutePath().getParent(), "." + out.getFileName() + OLD);
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

    static void move(Path from, Path to) throws IOException {
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
