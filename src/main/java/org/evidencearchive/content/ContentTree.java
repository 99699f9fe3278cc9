package org.evidencearchive.content;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The content folder as a boundary: every file of the archive is listed and read through here, and a symbolic
 * link whose target lies outside the folder is never followed. A link that stays inside is followed.
 */
public final class ContentTree {
    private final Path root;
    private final Path realRoot;

    /** A file or folder that is, or lies under, a symbolic link leading outside the content folder. */
    public static final class OutsideException extends IOException {
        private final Path link;

        OutsideException(Path link) {
            super("symbolic link leads outside the content folder: " + link);
            this.link = link;
        }

        /** Returns the link itself (the path as written inside the content folder). */
        public Path link() {
            return link;
        }
    }

    /** A listing: the regular files found, and the links that were not followed (outside, or in a loop). */
    public record Listing(List<Path> files, List<Path> outside, List<Path> loops) {}

    /** Creates the boundary of the content folder {@code root} (absolute and normalized). */
    public ContentTree(Path root) {
        this.root = root;
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            real = root; // no folder yet: nothing can be read from it anyway
        }
        this.realRoot = real;
    }

    /**
     * Returns the first part of {@code p} (a folder holding it, or {@code p} itself) that is a symbolic link
     * whose target lies outside the content folder, or empty when following {@code p} stays inside. A path
     * that is not under the content folder at all is returned whole. A dangling link is left to the read,
     * which reports the file as missing.
     */
    public Optional<Path> outside(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) return Optional.of(abs);
        Path cur = root;
        for (Path name : root.relativize(abs)) {
            cur = cur.resolve(name);
            if (!Files.isSymbolicLink(cur)) continue;
            try {
                if (!cur.toRealPath().startsWith(realRoot)) return Optional.of(cur);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Reads a file of the content folder; refuses one reached through a link that leads outside it. */
    public byte[] read(Path p) throws IOException {
        Optional<Path> link = outside(p);
        if (link.isPresent()) throw new OutsideException(link.get());
        return Files.readAllBytes(p);
    }

    /** Returns the size of a file of the content folder, refusing as {@link #read} does. */
    public long size(Path p) throws IOException {
        Optional<Path> link = outside(p);
        if (link.isPresent()) throw new OutsideException(link.get());
        return Files.size(p);
    }

    /**
     * Lists the regular files under {@code dir}, sorted, following symbolic links that stay inside the content
     * folder; links that lead outside it, and links that loop back to a folder above them, are not followed
     * and are returned apart.
     */
    public Listing list(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> outside = new ArrayList<>();
        List<Path> loops = new ArrayList<>();
        Optional<Path> start = outside(dir);
        if (start.isPresent()) {
            outside.add(start.get());
            return new Listing(files, outside, loops);
        }
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            private boolean escapes(Path p) {
                if (!Files.isSymbolicLink(p)) return false; // under a folder already checked: stays inside
                try {
                    if (p.toRealPath().startsWith(realRoot)) return false;
                } catch (IOException e) {
                    return false;
                }
                outside.add(p);
                return true;
            }

            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return escapes(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !escapes(f)) files.add(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    loops.add(f);
                    return FileVisitResult.CONTINUE;
                }
                if (Files.isSymbolicLink(f)) return FileVisitResult.CONTINUE; // dangling: nothing to read
                throw e;
            }
        });
        files.sort(null);
        return new Listing(files, outside, loops);
    }
}
