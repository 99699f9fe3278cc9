package org.evidencearchive.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.evidencearchive.publish.GitVersion;

/**
 * The digest of everything a build's output is made from, as Gradle's up-to-date check and Bazel's action key
 * take it: every file of the inputs a build reads ({@link Project#inputs}: content, templates, assets, site
 * settings and ledgers, the data schema) by path and bytes, the tool (its jar), the Java runtime and the default
 * locale and time zone, the project's folders, the output folder and the working folder, and the git versions the pages and sitemap
 * print. Two builds with the same fingerprint make byte-identical sites (builds are deterministic), so a build whose
 * fingerprint is the last one's, into an output still as that build left it, need not run.
 */
final class Fingerprint {
    /** Changes whenever what goes into a fingerprint changes, so that an older record never matches. */
    private static final String FORMAT = "evidence-archive build fingerprint 1";

    private Fingerprint() {}

    /**
     * Returns the fingerprint of a build of {@code project} by {@code tool} ({@link #tool()}), with the git version
     * of its content and each file's first and last commit, as the build reads them.
     */
    static String of(Project project, String tool, GitVersion version, GitVersion.Files history) throws IOException {
        Digest d = new Digest();
        d.add(FORMAT).add(tool);
        for (String p : List.of("java.runtime.version", "java.vm.vendor", "file.encoding", "native.encoding")) {
            d.add(p).add(String.valueOf(System.getProperty(p)));
        }
        d.add(java.util.Locale.getDefault().toLanguageTag()).add(java.util.TimeZone.getDefault().getID());
        for (Path p : List.of(project.root(), project.content(), project.templates(), project.assets(), project.siteConfig(),
                project.out(), Path.of(""))) { // the working folder: paths are shown relative to it
            d.add(p.toAbsolutePath().normalize().toString());
        }
        for (Path input : inputs(project)) files(d, input);
        d.add("git").add(String.valueOf(version.commit())).add(String.valueOf(version.date()));
        versions(d, project.root(), history.last());
        versions(d, project.root(), history.first());
        return d.hex();
    }

    /** What a build reads besides the tool: the check's inputs, and JBake's own settings file when the project has no other. */
    private static List<Path> inputs(Project project) {
        List<Path> inputs = new ArrayList<>(project.inputs());
        inputs.add(project.root().resolve("jbake.properties"));
        return inputs;
    }

    /** Adds every regular file under {@code input} (or the file itself), sorted by path, with the SHA-256 of its bytes. */
    private static void files(Digest d, Path input) throws IOException {
        d.add("input").add(input.toString());
        if (!Files.exists(input)) {
            d.add("missing");
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(input, FileVisitOption.FOLLOW_LINKS)) { // the content reader follows links too
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<byte[]> sums;
        try {
            sums = files.parallelStream().map(f -> {
                try {
                    return sha256(Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int i = 0; i < files.size(); i++) d.add(input.relativize(files.get(i)).toString()).add(sums.get(i));
    }

    /** Adds each file's version, by path relative to the project, in path order. */
    private static void versions(Digest d, Path root, Map<Path, GitVersion> versions) {
        Map<String, GitVersion> sorted = new TreeMap<>();
        versions.forEach((p, v) -> sorted.put(p.toString(), v));
        d.add("versions").add(Integer.toString(sorted.size()));
        sorted.forEach((p, v) -> d.add(p).add(v.commit()).add(v.date()));
    }

    /**
     * The tool's own fingerprint: the SHA-256 of the jar this class was loaded from, with the name, size and
     * modification time of each library its manifest puts on the class path (released, versioned jars that Maven
     * copies beside it: a new version has a new name). Null when the classes do not come from a jar (tests, an
     * IDE): then no build can be shown to be made by the same tool, and every build is a full one.
     */
    static String tool() {
        try {
            var source = Fingerprint.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) return null;
            Digest d = new Digest().add(sha256(Files.readAllBytes(jar)));
            try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
                String classPath = j.getManifest() == null ? null : j.getManifest().getMainAttributes().getValue("Class-Path");
                for (String entry : classPath == null ? new String[0] : classPath.trim().split("\\s+")) {
                    Path lib = jar.resolveSibling(entry);
                    d.add(entry);
                    if (Files.isRegularFile(lib)) {
                        d.add(Long.toString(Files.size(lib))).add(Files.getLastModifiedTime(lib).toString());
                    } else {
                        d.add("missing");
                    }
                }
            }
            return d.hex();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null; // not provably the same tool: build in full
        }
    }

    static byte[] sha256(byte[] bytes) {
        return Digest.sha256().digest(bytes);
    }

    /** A SHA-256 fed with length-prefixed fields, so that no two different sequences of fields feed the same bytes. */
    static final class Digest {
        private final MessageDigest md = sha256();

        static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Adds a text field. */
        Digest add(String s) {
            return add(s.getBytes(StandardCharsets.UTF_8));
        }

        /** Adds a field of bytes. */
        Digest add(byte[] b) {
            int n = b.length;
            md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            md.update(b);
            return this;
        }

        /** Returns the digest in lowercase hex; the digest cannot be fed afterwards. */
        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }
}
