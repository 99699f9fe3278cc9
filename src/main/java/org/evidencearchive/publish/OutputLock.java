package org.evidencearchive.publish;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * One publish at a time into an output folder, across processes and threads (as Hugo's {@code .hugo_build.lock}):
 * an exclusive file lock on {@code .<name>.lock} beside the output folder (never inside it, since a whole publish
 * removes what it was not given), and a semaphore per lock file within this JVM (where a second lock on the same
 * file would be refused, and a publish may end on another thread than the one that began it). A process that
 * finds the lock held says so once on standard error and waits.
 *
 * <p>While held, the lock file holds the holder's process id; it is emptied when the publish ends cleanly. A lock
 * file that is not empty when taken (or is new) means the last publish was killed (SIGKILL, the OOM killer), or
 * failed to clean up, so its leftovers are removed first: the staging and journal folders beside the output folder
 * ({@code .<name>.staging-*}, {@code .<name>.journal-*}, {@code .<name>.old-*}: a previous site moved aside by a
 * swap, put back in place when the output folder is missing) and the temporary files inside it ({@code *.publishing}).
 * A journal whose log does not say the commit was complete is first replayed backwards ({@link Journal#replay}): a
 * publish killed in the middle of its commit leaves the site half old, half new, and this makes it the previous one
 * again. Nothing else is touched. The lock file itself stays, as Hugo's does.
 */
final class OutputLock {
    /** One permit per lock file (by its real path) for the whole JVM. */
    private static final ConcurrentMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private final Semaphore guard;
    private final FileChannel channel;
    private final AtomicBoolean released = new AtomicBoolean();

    private OutputLock(Semaphore guard, FileChannel channel) {
        this.guard = guard;
        this.channel = channel;
    }

    /** The lock file of an output folder: beside it, named after it. */
    static Path file(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".lock");
    }

    /**
     * Waits until no other publish (of this process or another) is publishing into {@code out}, takes the lock, and
     * removes the leftovers of a publish that was killed. Released by {@link #release(boolean)}.
     */
    static OutputLock acquire(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path file = abs.getParent().toRealPath().resolve(file(abs).getFileName());
        Semaphore guard = IN_PROCESS.computeIfAbsent(file, k -> new Semaphore(1));
        try {
            guard.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while waiting to publish into " + abs);
        }
        FileChannel channel = null;
        try {
            boolean isNew = !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                System.err.println("archive: waiting for another build or serve publishing into " + abs + " to finish");
                channel.lock();
            }
            boolean killed = isNew || channel.size() > 0;
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            if (killed) removeLeftovers(abs);
            return new OutputLock(guard, channel);
        } catch (IOException | RuntimeException | Error e) {
            if (channel != null) {
                try {
                    channel.close(); // and with it the file lock; the file still names this process, so the next looks again
                } catch (IOException x) {
                    e.addSuppressed(x);
                }
            }
            guard.release();
            throw e;
        }
    }

    /**
     * Ends this publish's hold on the output folder (again: nothing). {@code clean}: the publish ended leaving nothing
     * behind, so the next one need not look for leftovers (otherwise it does). Safe from any thread.
     */
    void release(boolean clean) {
        if (!released.compareAndSet(false, true)) return;
        try {
            if (clean) channel.truncate(0);
        } catch (IOException e) {
            // the next publish looks for leftovers and finds none
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing the channel released the lock even so
        } finally {
            guard.release();
        }
    }

    /**
     * Removes what a killed publish into {@code out} left: its staging and journal folders beside {@code out} (after
     * undoing the steps of a commit it did not complete) and its temporary files inside it; says on standard error
     * how many, if any.
     */
    private static void removeLeftovers(Path out) throws IOException {
        String name = out.getFileName().toString();
        String journal = "." + name + SiteWriter.JOURNAL;
        String old = "." + name + SiteWriter.OLD;
        List<String> prefixes = List.of("." + name + SiteWriter.STAGING, journal, old);
        List<Path> folders;
        try (Stream<Path> s = Files.list(out.getParent())) {
            folders = new java.util.ArrayList<>(s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && prefixes.stream().anyMatch(p.getFileName().toString()::startsWith)).sorted().toList());
        }
        // killed between a swap's two renames: the previous site is the only one, so it goes back in place
        List<Path> olds = folders.stream().filter(p -> p.getFileName().toString().startsWith(old)).toList();
        if (olds.size() == 1 && !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(olds.get(0), out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            folders.remove(olds.get(0));
            System.err.println("archive: put back the site that a stopped build had moved aside, at " + out);
        }
        // killed in the middle of a commit: its journal's log is replayed backwards, so the site is the previous one
        for (Path f : folders) if (f.getFileName().toString().startsWith(journal)) Journal.replay(f, out);
        for (Path f : folders) SiteWriter.delete(f);
        List<Path> temps = List.of();
        if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.walk(out)) {
                temps = s.filter(p -> p.getFileName().toString().endsWith(SiteWriter.TEMP_SUFFIX)
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
            }
        }
        for (Path t : temps) {
            Files.deleteIfExists(t);
            SiteWriter.deleteEmptyFolders(t.getParent(), out); // folders made for the killed publish only
        }
        if (folders.isEmpty() && temps.isEmpty()) return;
        System.err.println("archive: removed the leftovers of a build that was stopped: " + count(folders.size(), "folder")
                + ", " + count(temps.size(), "file"));
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
