package org.evidencearchive.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What an output folder holds, cheaply: the digest of every file's path, size, modification time and file key
 * (device and inode), read from the file system without opening a file. A file edited in place changes its size
 * or modification time, a file replaced (an editor, rsync, a build) has a new inode, a file added or removed
 * changes the list: each changes the digest. A build compares the output with what the last build left (as
 * Gradle checks its outputs' snapshots) before trusting that the output is still that build's.
 *
 * @param files the number of files
 * @param digest the SHA-256 of the sorted entries, in hex
 */
record OutputManifest(int files, String digest) {
    /** The manifest of an output folder that does not exist. */
    static final OutputManifest NONE = new OutputManifest(0, "none");

    /** Returns the manifest of every file under {@code out} (no folder: {@link #NONE}). */
    static OutputManifest of(Path out) throws IOException {
        return walk(out, Set.of()).all();
    }

    /** The manifest of a whole folder and the manifest of some of its files, from one walk. */
    record Walked(OutputManifest all, OutputManifest part) {}

    /**
     * Walks {@code out} once (its top-level folders in parallel) and returns the manifest of every file and of the
     * files named in {@code part} (paths relative to {@code out}; null if one of them is not there).
     */
    static Walked walk(Path out, Set<String> part) throws IOException {
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) return new Walked(NONE, part.isEmpty() ? NONE : null);
        List<Path> tops;
        try (var s = Files.list(out)) {
            tops = s.toList();
        }
        List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> named = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            tops.parallelStream().forEach(top -> {
                try {
                    Files.walkFileTree(top, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String path = out.relativize(file).toString();
                            String e = entry(path, attrs);
                            all.add(e);
                            if (part.contains(path)) named.add(e);
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return new Walked(of(all), named.size() == part.size() ? of(named) : null);
    }

    /** Returns the manifest of the named files of {@code out} (paths relative to it), or null if one is not a regular file. */
    static OutputManifest ofFiles(Path out, Collection<String> paths) throws IOException {
        List<String> entries = new ArrayList<>(paths.size());
        for (String p : paths) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(out.resolve(p), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            }
            if (!attrs.isRegularFile()) return null;
            entries.add(entry(p, attrs));
        }
        return of(entries);
    }

    private static OutputManifest of(List<String> entries) {
        entries.sort(null);
        Fingerprint.Digest d = new Fingerprint.Digest();
        for (String e : entries) d.add(e);
        return new OutputManifest(entries.size(), d.hex());
    }

    /** One file's line: path, size, modification time (to the nanosecond where the file system keeps it), file key. */
    private static String entry(String path, BasicFileAttributes attrs) {
        java.time.Instant m = attrs.lastModifiedTime().toInstant();
        return path + '\0' + attrs.size() + '\0' + m.getEpochSecond() + '.' + m.getNano() + '\0' + attrs.fileKey();
    }
}
