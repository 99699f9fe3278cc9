package org.evidencearchive.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.publish.SiteWriter;
import org.evidencearchive.reference.CitationStyles;
import org.evidencearchive.search.SearchFixture;

/**
 * Writes every file the node tests (src/test/js) read, under target/: the search fixture, the empty index and the
 * analysis parity file ({@link SearchFixture#writeNodeFixtures}), the CSL styles and locales of "cite this" (csl/), the real archive built for the browser tests
 * (gates-site), a site full of script-injection payloads (gates-xss-site), a generated archive with a recorded
 * correction ({@link CorrectedArchive}: versions-site, whose TimeMap memento.test.mjs parses) and one with moved
 * items and an old host for the server tests (hosting-site), and one with DOIs minted by archive ledger (pid-site, for
 * cite.test.mjs). Run by mvn in the
 * pre-integration-test phase (exec-maven-plugin), so the node tests have their files whatever JUnit tests ran.
 */
public final class NodeTestFixtures {
    private NodeTestFixtures() {}

    public static void main(String[] args) {
        try {
            write(TempArchive.repo().resolve("target"));
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // the build's worker threads must not keep the JVM alive
    }

    /** Writes the fixtures into target (a project's target folder). */
    public static void write(Path target) throws IOException {
        SearchFixture.writeNodeFixtures(target);
        writeCitationStyles(target.resolve("csl"));
        Path site = target.resolve("gates-site");
        build(TempArchive.repo(), site);
        if (!Files.isRegularFile(site.resolve("search/manifest.json"))) {
            throw new IllegalStateException(site + ": the built site has no search index");
        }
        Path dir = Files.createTempDirectory("gates-xss-");
        try {
            build(injectionPayloads(dir).root(), target.resolve("gates-xss-site"));
        } finally {
            SiteWriter.delete(dir);
        }
        Path corrected = Files.createTempDirectory("versions-");
        try {
            build(CorrectedArchive.make(corrected.resolve("archive")).archive.root(), target.resolve("versions-site"));
        } finally {
            SiteWriter.delete(corrected);
        }
        Path pid = Files.createTempDirectory("pid-");
        try {
            TempArchive a = withDoi(pid);
            SiteWriter.delete(target.resolve("pid-site"));
            Builder.Result r = new Builder(Project.at(a.root()).withOut(target.resolve("pid-site"))).updateLedger();
            if (!r.ok()) throw new IllegalStateException(pid + ": archive ledger failed: " + r.diagnostics().sorted());
        } finally {
            SiteWriter.delete(pid);
        }
        Path moved = Files.createTempDirectory("hosting-");
        try {
            build(movedItems(moved).root(), target.resolve("hosting-site"));
        } finally {
            SiteWriter.delete(moved);
        }
    }

    /**
     * The mini fixture with what a host must redirect and label: a source with an original URL (its page links it; its text has Memento headers)
     * that moved (its page, text and downloads follow), a moved topic, a claim's old download, and an old host.
     */
    static TempArchive movedItems(Path dir) throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Files.writeString(a.root().resolve("site-config/site.yaml"), "title: Hosting fixture\n"
                + "base_url: https://new.evidence-archive.example\npreview: true\n"
                + "moved_from: [https://old.evidence-archive.example]\n");
        Path alpha = a.content().resolve("sources/alpha.md");
        Files.writeString(alpha, Files.readString(alpha).replace("topics: [deaths]\n",
                "topics: [deaths]\nurl: https://news.evidence-archive.example/alpha?id=1&ref=a$b\naliases: [/sources/old-alpha/]\n"));
        a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsummary: Positions on policy.\naliases: [/topics/old-policy/]\n---\n");
        Path claim = a.content().resolve("claims/alpha-doe.md");
        Files.writeString(claim, Files.readString(claim).replace("kind: position\n", "kind: position\naliases: [/claims/doe-170/cite.bib]\n"));
        return a;
    }

    /** The mini fixture with a DOI prefix, for the downloads' DOIs (pid-site, built by archive ledger, which mints them). */
    public static TempArchive withDoi(Path dir) throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Files.writeString(a.root().resolve("site-config/site.yaml"), "title: Identifier fixture\n"
                + "base_url: https://archive.drugpolicy.org.uk\nidentifiers:\n  doi: {prefix: \"10.12345\"}\n");
        return a;
    }

    /** Makes the DOI fixture in {@code dir} and runs archive ledger on it (minting its DOIs); returns the built site. */
    public static Path pidSite(Path dir) throws IOException {
        TempArchive a = withDoi(dir);
        Builder.Result r = new Builder(Project.at(a.root())).updateLedger();
        if (!r.ok()) throw new IllegalStateException(dir + ": archive ledger failed: " + r.diagnostics().sorted());
        return a.root().resolve("target/site");
    }

    /** The CSL style and locale files the build renders "cite this" with, as read from their jars, for citeproc-js. */
    static void writeCitationStyles(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (CitationStyles.Style s : CitationStyles.Style.values()) {
            Files.writeString(dir.resolve(s.file + ".csl"), CitationStyles.styleXml(s));
        }
        for (String locale : java.util.List.of("en-GB", "en-US")) { // en-US: citeproc-js's fallback under en-GB
            Files.writeString(dir.resolve("locales-" + locale + ".xml"), CitationStyles.localeXml(locale));
        }
    }

    /** The mini fixture with script-injection payloads in a text, a title, a topic name, a quote and a correction. */
    static TempArchive injectionPayloads(Path dir) throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        String text = "Payload <img src=x onerror=\"window.__xss=1\"> and <script>window.__xss=2</script> in the text.\n\n"
                + "Second paragraph <svg onload=\"window.__xss=3\"></svg> here.\n";
        a.write("sources/evil.txt", text);
        String earlier = "Payload in an earlier version <script>window.__xss=6</script>.\n\nSecond paragraph.\n";
        a.write("sources/evil.v1.txt", earlier);
        a.write("sources/evil.md", "---\nid: evil\ntitle: '<script>window.__xss=4</script>Evil title'\ntext: evil.txt\nsha256: "
                + ContentParser.sha256(text.getBytes(StandardCharsets.UTF_8)) + "\ntopics: [deaths]\ncorrections:\n"
                + "  - date: \"2026-01-05\"\n    what: '<img src=x onerror=\"window.__xss=7\">Restored a paragraph'\n"
                + "    why: '<script>window.__xss=8</script>'\n    previous_sha256: " + ContentParser.sha256(earlier.getBytes(StandardCharsets.UTF_8))
                + "\n    previous_text: evil.v1.txt\n---\n");
        a.write("topics/policy.md", "---\nid: policy\ntitle: '\"><img src=x onerror=\"window.__xss=5\">Policy'\nsummary: s\n---\n"
                + "Quoted [@evil \"<script>window.__xss=2</script>\"].\n");
        return a;
    }

    /** Builds the project at root into out (emptied first); fails with the build's errors. */
    private static void build(Path root, Path out) throws IOException {
        SiteWriter.delete(out);
        Builder.Result r = new Builder(Project.at(root).withOut(out)).build();
        if (!r.ok()) {
            StringBuilder errors = new StringBuilder(root + ": the build failed");
            for (Diagnostic d : r.diagnostics().sorted()) errors.append('\n').append(d);
            throw new IllegalStateException(errors.toString());
        }
    }
}
