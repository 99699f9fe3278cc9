package org.evidencearchive.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a commit changes in a published site, kept so that it can be undone, like a database's write-ahead log: each
 * file replaced is first linked (or copied) into a folder beside the site ({@code .<name>.journal-*}), each file or
 * folder removed is moved there, and each file created is noted. Every step is written to the log {@value #LOG} in
 * that folder, and forced to disk, before it is taken (the steps of one kind at once, in one write); the line
 * {@value #COMMITTED} ends the log once the commit is complete, then the folder is deleted, the log first.
 *
 * <p>A commit that fails undoes its steps, newest first ({@link #rollBack}). A process killed in the middle of a
 * commit (SIGKILL, the OOM killer, a power cut) leaves the folder: the next publish ({@link OutputLock}) replays its
 * log backwards ({@link #replay}), so the site is again exactly the previous one. Undoing a step looks at what is
 * there, so a step logged but never taken is undone as nothing. A log is replayed only if each path it names lies in
 * the site (below no symbolic link) and each kept file in its folder; otherwise nothing is touched.
 *
 * <p>The log has one line per step, {@code <kind> <kept> <path>}: the kind ({@code set-aside}, {@code replace} or
 * {@code new}), the name of the kept file in the folder ({@code -} for none), and the path relative to the site's
 * parent folder, with {@code \}, line feeds and carriage returns escaped by a backslash.
 */
final class Journal {
    /** The log's name in the journal folder. */
    static final String LOG = "steps";

    /** The log's last line once the commit is complete: the site is the new one. */
    static final String COMMITTED = "committed";

    /** A file or folder moved from {@code path} into the journal as {@code kept}. */
    private static final String SET_ASIDE = "set-aside";
    /** A file renamed over {@code path}, whose previous bytes are {@code kept}. */
    private static final String REPLACE = "replace";
    /** A file written at {@code path}, where nothing was. */
    private static final String NEW = "new";

    /** One step: its kind, the name of what it kept in the journal folder (or null), the path in the site. */
    private record Entry(String kind, String kept, Path path) {}

    private final Path site;
    private final SiteWriter.Step step;
    /** The steps logged, oldest first. */
    private final List<Entry> entries = new ArrayList<>();
    private Path folder;
    private FileChannel log;
    private int count;

    Journal(Path site, SiteWriter.Step step) {
        this.site = site;
        this.step = step;
    }

    /** The journal folder, made with its empty log when first needed. */
    private Path folder() throws IOException {
        if (folder == null) {
            Path made = Files.createTempDirectory(site.getParent(), "." + site.getFileName() + SiteWriter.JOURNAL);
            log = FileChannel.open(made.resolve(LOG), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            folder = made;
        }
        return folder;
    }

    private String next() throws IOException {
        folder();
        return Integer.toString(++count);
    }

    /** Moves files or folders out of the site, into the journal (in the order of their paths). */
    void setAside(Collection<Path> paths) throws IOException {
        List<Entry> batch = new ArrayList<>();
        for (Path p : new TreeSet<>(paths)) batch.add(new Entry(SET_ASIDE, next(), p));
        write(batch);
        for (Entry e : batch) {
            step.before("set aside " + e.path());
            SiteWriter.move(e.path(), folder.resolve(e.kept()));
        }
    }

    /**
     * Renames temporary files over their targets: first keeps (in parallel) each target's previous bytes, then logs
     * every rename, then makes them (in parallel).
     */
    void replace(Collection<Path> temps) throws IOException {
        Map<Path, Entry> byTemp = new TreeMap<>();
        for (Path t : temps) {
            Path target = SiteWriter.target(t);
            boolean previous = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            byTemp.put(t, previous ? new Entry(REPLACE, next(), target) : new Entry(NEW, null, target));
        }
        SiteWriter.forEachParallel(byTemp.keySet().stream().filter(t -> byTemp.get(t).kept() != null).toList(), t -> {
            Entry e = byTemp.get(t);
            Path kept = folder.resolve(e.kept());
            step.before("keep " + e.path());
            try {
                Files.createLink(kept, e.path());
            } catch (UnsupportedOperationException | IOException x) {
                Files.copy(e.path(), kept, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        });
        write(List.copyOf(byTemp.values()));
        SiteWriter.forEachParallel(byTemp.keySet(), t -> {
            step.before("replace " + byTemp.get(t).path());
            SiteWriter.move(t, byTemp.get(t).path());
        });
    }

    /** Writes files that had no previous version, making their missing folders. */
    void create(Map<Path, byte[]> files) throws IOException {
        Map<Path, byte[]> sorted = new TreeMap<>(files);
        List<Entry> batch = new ArrayList<>();
        for (Path p : sorted.keySet()) batch.add(new Entry(NEW, null, p));
        write(batch);
        for (var f : sorted.entrySet()) {
            Path p = f.getKey();
            if (!Files.exists(p.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                step.before("make " + p.getParent());
                Files.createDirectories(p.getParent());
            }
            step.before("write " + p);
            Files.write(p, f.getValue());
        }
    }

    /** Ends the log: the commit is complete, and is no longer undone even if the journal is left behind. */
    void committed() throws IOException {
        if (log != null) append(COMMITTED + "\n");
    }

    /** Logs steps about to be taken, in one write, forced to disk. */
    private void write(List<Entry> batch) throws IOException {
        if (batch.isEmpty()) return;
        folder();
        StringBuilder lines = new StringBuilder();
        for (Entry e : batch) {
            lines.append(e.kind()).append(' ').append(e.kept() == null ? "-" : e.kept()).append(' ')
                    .append(escape(site.getParent().relativize(e.path()).toString())).append('\n');
        }
        append(lines.toString());
        entries.addAll(batch);
    }

    private void append(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) log.write(bytes);
        log.force(true);
    }

    /** Undoes every step logged, newest first; a step that cannot be undone is added to {@code cause}. */
    void rollBack(Throwable cause) {
        for (Entry e : entries.reversed()) {
            try {
                undo(e);
            } catch (IOException | RuntimeException x) {
                cause.addSuppressed(x);
            }
        }
        try {
            discard();
        } catch (IOException x) {
            cause.addSuppressed(x);
        }
    }

    /** Undoes one step if it was taken: a kept file goes back over its path, a new file goes with its emptied folders. */
    private void undo(Entry e) throws IOException {
        if (e.kept() == null) {
            Files.deleteIfExists(e.path());
            SiteWriter.deleteEmptyFolders(e.path().getParent(), site); // folders made for this file only
            return;
        }
        Path kept = folder.resolve(e.kept());
        if (!Files.exists(kept, LinkOption.NOFOLLOW_LINKS)) return;
        Files.createDirectories(e.path().getParent());
        SiteWriter.move(kept, e.path());
    }

    /** Deletes the journal, its log first: the commit succeeded (or was undone). */
    void discard() throws IOException {
        entries.clear();
        if (folder == null) return;
        log.close();
        Files.deleteIfExists(folder.resolve(LOG));
        SiteWriter.delete(folder);
    }

    /**
     * Puts the site {@code site} back as it was before the commit that left the journal folder {@code folder}, when
     * its log is not {@value #COMMITTED}, and says so; true if it did. Refuses (changing nothing) a log that names
     * a path outside the site or the folder.
     */
    static boolean replay(Path folder, Path site) throws IOException {
        Path log = folder.resolve(LOG);
        if (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(site, LinkOption.NOFOLLOW_LINKS)) return false;
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        List<String> lines = List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n")); // a torn last line was never acted on
        if (lines.contains(COMMITTED)) return false;
        Journal journal = new Journal(site, SiteWriter.Step.NONE);
        journal.folder = folder;
        for (String line : lines) {
            if (!line.isEmpty()) journal.entries.add(journal.parse(line));
        }
        IOException failed = null;
        for (Entry e : journal.entries.reversed()) {
            try {
                journal.undo(e);
            } catch (IOException | RuntimeException x) {
                if (failed == null) failed = new IOException("could not put back the site as it was before a stopped build (the journal "
                        + folder + " is kept, and tried again by the next build): " + x.getMessage());
                else failed.addSuppressed(x);
            }
        }
        if (failed != null) throw failed;
        System.err.println("archive: a build stopped while publishing; the site is back as it was before it");
        return true;
    }

    /** Reads one line of a log, refusing a step outside the site or a kept file outside the journal folder. */
    private Entry parse(String line) throws IOException {
        String[] f = line.split(" ", 3);
        boolean known = f.length == 3 && switch (f[0]) {
            case SET_ASIDE, REPLACE -> f[1].matches("[1-9][0-9]*");
            case NEW -> f[1].equals("-");
            default -> false;
        };
        Path p = known ? site.getParent().resolve(unescape(f[2])).normalize() : null;
        boolean inside = p != null && p.startsWith(site) && !p.equals(site);
        for (Path d = inside ? p.getParent() : site; !d.equals(site); d = d.getParent()) {
            inside &= !Files.isSymbolicLink(d);
        }
        if (!inside) {
            throw new IOException("the journal " + folder + " of a stopped build has a step it cannot read or outside the site ("
                    + line + "), so it is not replayed; see what it holds and remove it, then build again");
        }
        return new Entry(f[0], f[0].equals(NEW) ? null : f[1], p);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
        }
        return out.toString();
    }
}
