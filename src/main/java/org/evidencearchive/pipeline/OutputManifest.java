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
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) return NONE;
        List<String> entries = new ArrayList<>();
        Files.walkFileTree(out, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                entries.add(entry(out.relativize(file).toString(), attrs));
                return FileVisitResult.CONTINUE;
            }
        });
        return of(entries);
    }

    /** Returns the manifest of the named files of {@code out} (paths relative to it), or null if one is not a regular file. */
    static OutputManifest of(Path out, Collection<String> paths) throws IOException {
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
