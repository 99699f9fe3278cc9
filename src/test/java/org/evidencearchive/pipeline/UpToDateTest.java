package org.evidencearchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.evidencearchive.testing.CorrectedArchive;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The up-to-date check: an unchanged build writes nothing; every input or output change makes a real build. */
class UpToDateTest {
    @TempDir
    Path dir;
    private TempArchive a;
    private Path site;

    @BeforeEach
    void builtOnce() throws IOException {
        a = TempArchive.fromFixture(dir, "mini");
        site = a.root().resolve("target/site");
        Builder.Result first = build("tool-1", false);
        assertTrue(first.ok(), () -> first.diagnostics().sorted().toString());
        assertFalse(first.upToDate());
    }

    private Builder.Result build(String tool, boolean force) {
        return build(Project.at(a.root()), tool, force);
    }

    /** A build by the named tool (null: one that cannot be known), as {@code archive build} runs it. */
    private static Builder.Result build(Project project, String tool, boolean force) {
        return new UpToDate(new Builder(project), Progress.NONE, tool).build(force);
    }

    private Builder.Result build() {
        return build("tool-1", false);
    }

    @Test
    void anUnchangedBuildWritesNothingAndSaysSo() throws IOException {
        Map<String, String> before = stamps(site);
        Builder.Result r = build();
        assertTrue(r.ok());
        assertTrue(r.upToDate());
        assertEquals(before, stamps(site), "no file was written, replaced or removed");
        // the summary still has the last build's numbers
        assertEquals(0, r.published().written());
        assertEquals(before.size() - 1, r.published().unchanged()); // the marker is not counted as a page of the site
        assertTrue(r.pagesWritten() > 10);
        assertTrue(r.extent().searchFiles() > 0);
        assertEquals(List.of("fingerprint", "compare"), r.timings().measured().stream().map(Timings.Stage::name).toList());
        assertTrue(build().upToDate(), "and again");
    }

    /** Each kind of input, edited: the build is a real one, its page shows the edit, and the next is up to date. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            content/topics/policy.md | Positions on policy.             | Positions on drug policy. | topics/policy/index.html
            assets/css/site.css      | --measure: 68ch;                 | --measure: 70ch;          | css/site.css
            site-config/site.yaml    | author: Evidence Archive editors | author: Other editors     | feed.xml
            """)
    void anEditedInputRebuilds(String file, String from, String to, String page) throws IOException {
        edit(file, from, to);
        assertRebuiltWith(page, to.replace("author: ", ""));
    }

    @Test
    void anEditedTemplateRebuildsAndKeepsTheSearchIndex() throws IOException {
        edit("templates/layout.ftl", "</footer>", "<!-- edited --></footer>");
        Builder.Result r = assertRebuiltWith("index.html", "<!-- edited -->");
        assertTrue(r.extent().searchKept(), "the search documents are the same: the index is kept");
        // byte for byte what indexing makes: a clean build of the same inputs into another folder
        Path clean = a.root().resolve("clean");
        Builder.Result fresh = build(Project.at(a.root()).withOut(clean), "tool-1", false);
        assertTrue(fresh.ok());
        assertFalse(fresh.extent().searchKept());
        Map<String, byte[]> kept = TempArchive.files(site.resolve("search"));
        Map<String, byte[]> made = TempArchive.files(clean.resolve("search"));
        assertEquals(made.keySet(), kept.keySet());
        for (String k : made.keySet()) assertArrayEquals(made.get(k), kept.get(k), k);
        assertEquals(fresh.extent().searchFiles(), r.extent().searchFiles());
        assertEquals(fresh.extent().searchBytes(), r.extent().searchBytes());
    }

    @Test
    void theSearchIndexIsMadeAnewWhenItsDocumentsChangeOrItsFilesWereTouched() throws IOException {
        edit("content/topics/policy.md", "Positions on policy.", "Positions on drug policy.");
        assertFalse(build().extent().searchKept(), "a page's text changed");
        Path vocabulary = a.root().resolve("site-config/vocabulary.txt");
        Files.writeString(vocabulary, Files.readString(vocabulary) + "\nfentanyl, fent\n");
        assertFalse(build().extent().searchKept(), "the vocabulary changed");
        edit("templates/layout.ftl", "</footer>", "<!-- edited --></footer>");
        Files.writeString(site.resolve("search/manifest.json"), "{}");
        Builder.Result r = build();
        assertFalse(r.extent().searchKept(), "a file of the index was changed by hand");
        assertTrue(Files.readString(site.resolve("search/manifest.json")).length() > 2);
    }

    @Test
    void anotherToolRebuilds() throws IOException {
        Map<String, String> before = stamps(site);
        Builder.Result r = build("tool-2", false);
        assertTrue(r.ok());
        assertFalse(r.upToDate());
        assertFalse(r.extent().searchKept(), "another tool may index differently");
        assertEquals(before.keySet(), stamps(site).keySet());
        assertTrue(build("tool-2", false).upToDate());
        assertFalse(build(null, false).upToDate(), "a tool that cannot be known is never up to date");
        assertFalse(build(null, false).upToDate());
    }

    @Test
    void aDeletedOutputFileIsPutBack() throws IOException {
        Path page = site.resolve("topics/policy/index.html");
        byte[] bytes = Files.readAllBytes(page);
        Files.delete(page);
        Builder.Result r = build();
        assertFalse(r.upToDate());
        assertArrayEquals(bytes, Files.readAllBytes(page));
        assertTrue(build().upToDate());
    }

    @Test
    void aModifiedOutputFileIsPutBack() throws IOException {
        Path page = site.resolve("topics/policy/index.html");
        byte[] bytes = Files.readAllBytes(page);
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(page);
        byte[] changed = bytes.clone();
        changed[changed.length - 2] = (byte) 'X'; // same size, and the time put back: the inode still shows the edit
        Path temp = page.resolveSibling("edited");
        Files.write(temp, changed);
        Files.move(temp, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(page, mtime);
        assertFalse(build().upToDate());
        assertArrayEquals(bytes, Files.readAllBytes(page));
        // edited in place, same size
        try (var ch = java.nio.channels.FileChannel.open(page, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'X'}), bytes.length - 2);
        }
        assertFalse(build().upToDate());
        assertArrayEquals(bytes, Files.readAllBytes(page));
        // a file added to the output is removed by the build
        Files.writeString(site.resolve("stray.html"), "x");
        assertFalse(build().upToDate());
        assertFalse(Files.exists(site.resolve("stray.html")));
        assertTrue(build().upToDate());
    }

    @Test
    void aPublishRightAfterABuildIsNotRecordedAsThatBuildsOutput() throws IOException {
        edit("content/topics/policy.md", "Positions on policy.", "Positions on drug policy.");
        Path page = site.resolve("topics/policy/index.html");
        // another publish into the same folder (serve's, another build's) between this build's publish and its record
        UpToDate check = new UpToDate(new Builder(Project.at(a.root())), Progress.NONE, "tool-1");
        check.afterPublish = () -> {
            try {
                var other = org.evidencearchive.publish.SiteWriter.patch(site, List.of());
                other.put("topics/policy/index.html", "another publish".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                other.commit();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertTrue(check.build(false).ok());
        assertEquals("another publish", Files.readString(page));
        // the record is of the output this build left: the same inputs build again, and put its page back
        Builder.Result next = build();
        assertFalse(next.upToDate(), "the other publish's output is not this build's");
        assertTrue(Files.readString(page).contains("Positions on drug policy."));
        assertTrue(build().upToDate());
    }

    @Test
    void forceBuildsAnyway() {
        Builder.Result r = build("tool-1", true);
        assertTrue(r.ok());
        assertFalse(r.upToDate());
        assertFalse(r.extent().searchKept(), "a forced build indexes anew");
        assertEquals(0, r.published().written(), "and writes nothing that did not change");
        assertTrue(build().upToDate());
    }

    @Test
    void aFailedBuildRecordsNothingAndTheNextBuildIsFull() throws IOException {
        Path claim = a.content().resolve("claims/alpha-doe.md");
        String good = Files.readString(claim);
        Files.writeString(claim, good.replaceFirst("quote: .*", "quote: words that are not there"));
        Builder.Result failed = build();
        assertFalse(failed.ok());
        assertFalse(failed.upToDate());
        assertFalse(Files.exists(BuildRecord.file(Project.at(a.root()))), "no record is left");
        Files.writeString(claim, good); // back to the inputs of the last build that succeeded
        Builder.Result fixed = build();
        assertTrue(fixed.ok());
        assertFalse(fixed.upToDate(), "the build after a failure is a full one");
        assertTrue(build().upToDate());
    }

    @Test
    void aNewGitDateRebuilds() throws IOException {
        Files.writeString(a.root().resolve(".gitignore"), "target/\n");
        CorrectedArchive.git(a.root(), Map.of(), "init", "-q");
        commit("2024-03-01T10:00:00Z", "--message=first");
        Builder.Result dated = build();
        assertFalse(dated.upToDate());
        assertTrue(Files.readString(site.resolve("sitemap.xml")).contains("2024-03-01"));
        assertTrue(build().upToDate());
        commit("2024-05-02T10:00:00Z", "--amend", "--message=first, dated again"); // the same files, another date
        Builder.Result r = build();
        assertFalse(r.upToDate());
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("2024-05-02") && !sitemap.contains("2024-03-01"), sitemap);
        assertTrue(build().upToDate());
    }

    @Test
    void eachOutputFolderHasItsOwnRecord() {
        Project other = Project.at(a.root()).withOut(a.root().resolve("other"));
        assertNotEquals(BuildRecord.file(Project.at(a.root())), BuildRecord.file(other));
        assertFalse(build(other, "tool-1", false).upToDate());
        assertTrue(build().upToDate());
        assertTrue(build(other, "tool-1", false).upToDate());
    }

    /** Replaces {@code from} in a file of the project with {@code to}. */
    private void edit(String relative, String from, String to) throws IOException {
        Path file = a.root().resolve(relative);
        String text = Files.readString(file);
        assertTrue(text.contains(from), relative);
        Files.writeString(file, text.replace(from, to));
    }

    private Builder.Result assertRebuiltWith(String page, String text) throws IOException {
        Builder.Result r = build();
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        assertFalse(r.upToDate());
        assertTrue(r.published().written() > 0);
        assertTrue(Files.readString(site.resolve(page)).contains(text), page);
        assertTrue(build().upToDate(), "then up to date again");
        return r;
    }

    /** Every file of a folder with its size, modification time and inode: what a rewrite would change. */
    private static Map<String, String> stamps(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                BasicFileAttributes at = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                out.put(root.relativize(p).toString(), at.size() + " " + at.lastModifiedTime() + " " + at.fileKey());
            }
        }
        return out;
    }

    private void commit(String date, String... args) throws IOException {
        CorrectedArchive.git(a.root(), CorrectedArchive.dated(date), "add", "-A");
        List<String> commit = new ArrayList<>(List.of("commit", "-q", "--no-verify"));
        commit.addAll(List.of(args));
        CorrectedArchive.git(a.root(), CorrectedArchive.dated(date), commit.toArray(String[]::new));
    }

    @Test
    void classesReadFromAFolderHaveNoIdentity() {
        assertNull(Fingerprint.tool(), "the tests run from target/classes: no build is recorded and no cite box kept");
    }
}
