package org.evidencearchive.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last successful build of an output folder recorded: the {@link Fingerprint} of its inputs, the
 * {@link OutputManifest} of the folder it left, the numbers its summary gave, and what its search index was made
 * from ({@link SearchDocuments#key}) with the index's files and their manifest.
 *
 * <p>Records are kept under the project's {@code target/build-records/}, one per output folder (named by a hash of
 * its path), never in the site: the output folder is what gets uploaded or served as it is, and a record is the
 * tool's cache, as Gradle keeps {@code .gradle/} and Bazel its output base apart from the outputs. Deleting it
 * (or {@code target/}) only makes the next build a full one. A build removes the record before it changes the
 * output and writes a new one only once it has published, so a failed or interrupted build leaves none.
 *
 * @param pages, files, redirects, searchFiles, searchBytes what the build's summary said
 * @param searchKey what the index was made from, or null when the tool is not known
 * @param searchOutput the manifest of the index's files as published (with their gzip twins)
 * @param searchPaths those files, relative to the output folder
 */
record BuildRecord(String inputs, OutputManifest output, int pages, int files, int redirects, int searchFiles,
                   long searchBytes, String searchKey, OutputManifest searchOutput, List<String> searchPaths) {
    private static final String FOLDER = "target/build-records";

    /**
     * Returns where the record of builds into the project's output folder is kept, or null when that place is inside
     * the output folder itself ({@code --out target}): then nothing is recorded and every build is a full one.
     */
    static Path file(Project project) {
        Path folder = project.root().resolve(FOLDER);
        if (folder.startsWith(project.out())) return null;
        String name = new Fingerprint.Digest().add(project.out().toString()).hex().substring(0, 16);
        return folder.resolve(name + ".txt");
    }

    /** Returns the record at {@code file}, or null when there is none or it cannot be read as one. */
    static BuildRecord read(Path file) {
        if (file == null || !Files.isRegularFile(file)) return null;
        try {
            Map<String, String[]> f = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ");
                f.put(parts[0], parts);
            }
            String key = f.get("search-key")[1];
            List<String> paths = key.equals("-") ? List.of() : Files.readAllLines(searchList(file), StandardCharsets.UTF_8);
            return new BuildRecord(f.get("inputs")[1], manifest(f.get("output")), number(f, "pages"), number(f, "files"),
                    number(f, "redirects"), number(f, "search-files"), Long.parseLong(f.get("search-bytes")[1]),
                    key.equals("-") ? null : key, manifest(f.get("search-output")), paths);
        } catch (IOException | RuntimeException e) {
            return null; // a record from another version, or damaged: build in full
        }
    }

    /** Writes the record (and the list of index files beside it), each replacing the previous one whole. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (searchKey != null) replace(searchList(file), String.join("\n", searchPaths) + "\n");
        replace(file, "inputs " + inputs + "\n"
                + "output " + output.files() + " " + output.digest() + "\n"
                + "pages " + pages + "\nfiles " + files + "\nredirects " + redirects + "\n"
                + "search-files " + searchFiles + "\nsearch-bytes " + searchBytes + "\n"
                + "search-key " + (searchKey == null ? "-" : searchKey) + "\n"
                + "search-output " + searchOutput.files() + " " + searchOutput.digest() + "\n");
    }

    /** Removes the record of {@code file} (if any): the output is about to change. */
    static void delete(Path file) throws IOException {
        if (file == null) return;
        Files.deleteIfExists(file);
        Files.deleteIfExists(searchList(file));
    }

    private static Path searchList(Path file) {
        return file.resolveSibling(file.getFileName().toString().replace(".txt", ".search.txt"));
    }

    private static OutputManifest manifest(String[] fields) {
        return new OutputManifest(Integer.parseInt(fields[1]), fields[2]);
    }

    private static int number(Map<String, String[]> fields, String name) {
        return Integer.parseInt(fields.get(name)[1]);
    }

    private static void replace(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".writing");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
