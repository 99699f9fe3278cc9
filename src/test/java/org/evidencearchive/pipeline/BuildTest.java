package org.evidencearchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.testing.TempArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildTest {
    @TempDir
    Path dir;

    private Builder.Result build(TempArchive a) {
        return new Builder(Project.at(a.root())).build();
    }

    @Test
    void buildsEveryPageTypeWithDirectoryUrls() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Builder.Result r = build(a);
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        Path site = a.root().resolve("target/site");
        for (String page : new String[] {"index.html", "404.html", "sitemap.xml", "feed.xml", "sources/alpha/index.html",
                "sources/alpha/text.txt", "commentary/on-alpha/index.html", "claims/alpha-deaths/index.html",
                "topics/deaths/index.html", "people/jane-doe/index.html", "search/index.html", "css/site.css"}) {
            assertTrue(Files.isRegularFile(site.resolve(page)), page);
        }
        Document source = Jsoup.parse(site.resolve("sources/alpha/index.html").toFile());
        assertEquals(3, source.select(".archived-text .para[id^=p]").size());
        assertEquals("#p2", source.selectFirst("#p2 a.para-link").attr("href"));
        // A source links to its topics and the commentary about it; paragraphs show who cites them.
        assertFalse(source.select("a[href=/topics/deaths/]").isEmpty());
        assertFalse(source.select("a[href=/commentary/on-alpha/]").isEmpty());
        assertEquals("/claims/alpha-deaths/", source.selectFirst("#p1 .cited-by a").attr("href"));
        // Cited passages are marked.
        assertEquals("170 deaths", source.select("#p1 mark").last().text());
        // A topic links to its sources and commentary.
        Document topic = Jsoup.parse(site.resolve("topics/deaths/index.html").toFile());
        assertFalse(topic.select("a[href=/sources/alpha/]").isEmpty());
        assertFalse(topic.select("a[href=/commentary/on-alpha/]").isEmpty());
        // Citations in commentary link to the paragraph plus a text fragment.
        Document commentary = Jsoup.parse(site.resolve("commentary/on-alpha/index.html").toFile());
        assertTrue(commentary.selectFirst("a.cite").attr("href").startsWith("/sources/alpha/#p2:~:text=the%20minister"),
                commentary.selectFirst("a.cite").attr("href"));
        assertTrue(Files.readString(site.resolve("sitemap.xml")).contains("<loc>https://evidence-archive.example/sources/alpha/</loc>"));
        // Outside a git checkout the build still works and says so.
        assertTrue(source.selectFirst("footer").text().contains("version unversioned"), source.selectFirst("footer").text());
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteUntouched() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        assertTrue(build(a).ok());
        Map<String, byte[]> before = TempArchive.files(a.root().resolve("target/site"));
        a.write("claims/alpha-doe.md", "---\nid: alpha-doe\nstatement: x\nkind: position\ntopics: [deaths]\n"
                + "citations:\n  - source: alpha\n    quote: words that are not there\n---\n");
        Builder.Result r = build(a);
        assertFalse(r.ok());
        Map<String, byte[]> after = TempArchive.files(a.root().resolve("target/site"));
        assertEquals(before.keySet(), after.keySet());
        for (String k : before.keySet()) assertArrayEquals(before.get(k), after.get(k), k);
        try (Stream<Path> s = Files.list(a.root().resolve("target"))) {
            assertEquals(List.of(".site.lock", "site"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder is left behind (the lock file stays)");
        }
    }

    @Test
    void aBuildFailingAfterPagesWereWrittenAsideLeavesTheSiteUntouched() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Path site = a.root().resolve("target/site");
        // Content edits change pages (so they are written aside), then a template fails while rendering ...
        Map<String, byte[]> before = builtThenEdited(a);
        Path topic = a.root().resolve("templates/topic.ftl");
        String original = Files.readString(topic);
        Files.writeString(topic, original.replace("</@l.layout>", "${topic.nosuchfield}</@l.layout>"));
        assertFalse(build(a).ok());
        assertEquals(before.keySet(), TempArchive.files(site).keySet());
        // ... or a template makes a link to nowhere, found only after every page was rendered.
        Files.writeString(topic, original.replace("</@l.layout>", "<a href=\"/nowhere/\">x</a></@l.layout>"));
        Builder.Result r = build(a);
        assertFalse(r.ok());
        assertTrue(r.diagnostics().sorted().stream().anyMatch(d -> d.message().startsWith("broken link: /nowhere/")),
                r.diagnostics().sorted().toString());
        assertUnchanged(before, site);
    }

    @Test
    void aBuildThatDiesOfAnErrorLeavesThePreviousSiteUntouched() throws IOException {
        // An Error (running out of memory; here a template recursing until the stack overflows) is not a
        // content error: it reaches the caller, but only after the publish transaction was abandoned.
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Path site = a.root().resolve("target/site");
        Map<String, byte[]> before = builtThenEdited(a);
        Path topic = a.root().resolve("templates/topic.ftl");
        Files.writeString(topic, Files.readString(topic).replace("</@l.layout>",
                "<#macro deeper n><@deeper n + 1/></#macro><@deeper 0/></@l.layout>"));
        assertThrows(StackOverflowError.class, () -> build(a));
        assertUnchanged(before, site);
        // A first build into a new folder: the staging folder is removed.
        Path fresh = a.root().resolve("fresh");
        assertThrows(StackOverflowError.class, () -> new Builder(Project.at(a.root()).withOut(fresh)).build());
        try (Stream<Path> s = Files.list(a.root())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".fresh.staging-")), "no staging folder is left behind");
        }
        assertFalse(Files.exists(fresh));
    }

    @Test
    void aTemplateErrorIsReportedAtTheTemplateLine() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Files.writeString(a.root().resolve("templates/topic.ftl"),
                "<#ftl output_format=\"HTML\">\n<#import \"layout.ftl\" as l>\n${topic.nosuchfield}\n");
        Builder.Result r = build(a);
        Diagnostic d = r.diagnostics().sorted().get(0);
        assertTrue(d.file().endsWith("topic.ftl"), d.file());
        assertEquals(3, d.line());
        assertTrue(d.message().startsWith("template error"), d.message());
    }

    @Test
    void twoBuildsAreByteIdentical() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Path one = a.root().resolve("one");
        Path two = a.root().resolve("two");
        assertTrue(new Builder(Project.at(a.root()).withOut(one)).build().ok());
        assertTrue(new Builder(Project.at(a.root()).withOut(two)).build().ok());
        Map<String, byte[]> x = TempArchive.files(one);
        Map<String, byte[]> y = TempArchive.files(two);
        assertEquals(x.keySet(), y.keySet());
        for (String k : x.keySet()) assertArrayEquals(x.get(k), y.get(k), k);
    }

    @Test
    void brokenMarkdownLinkAndRawHtmlAreContentErrors() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsummary: s\n---\nSee [x](/topics/polcy/).\n\n"
                + "And [p9](/sources/alpha/#p9).\n\n<script>alert(1)</script>\n");
        var ds = build(a).diagnostics().sorted();
        assertEquals(3, ds.size(), ds::toString);
        assertEquals("link to a page that does not exist: /topics/polcy/", ds.get(0).message());
        assertEquals(6, ds.get(0).line());
        assertEquals("did you mean '/topics/policy/'?", ds.get(0).hint());
        assertEquals("link to an anchor that does not exist: /sources/alpha/#p9", ds.get(1).message());
        assertEquals(8, ds.get(1).line());
        assertTrue(ds.get(2).message().startsWith("raw HTML is not allowed"), ds.get(2).message());
        assertEquals(10, ds.get(2).line());
    }

    @Test
    void markdownMayLinkThePagesOfTheClaimsIndex() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsummary: s\n---\nSee [its claims](/claims/topic/policy/), "
                + "[the statistics](/claims/kind/statistic/) and [Jane Doe's](/claims/by/jane-doe/).\n\n"
                + "But not [these](/claims/topic/polcy/) or [those](/claims/kind/opinion/).\n");
        var ds = build(a).diagnostics().sorted();
        assertEquals(List.of("link to a page that does not exist: /claims/topic/polcy/",
                "link to a page that does not exist: /claims/kind/opinion/"), ds.stream().map(x -> x.message()).toList(), ds::toString);
        a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsummary: s\n---\nSee [its claims](/claims/topic/policy/), "
                + "[the statistics](/claims/kind/statistic/) and [Jane Doe's](/claims/by/jane-doe/).\n");
        Builder.Result ok = build(a);
        assertTrue(ok.ok(), () -> ok.diagnostics().sorted().toString());
        String sitemap = Files.readString(a.root().resolve("target/site/sitemap.xml"));
        assertTrue(sitemap.contains("/claims/topic/policy/") && sitemap.contains("/claims/by/jane-doe/"), sitemap);
    }

    @Test
    void aParallelBuildIsByteIdenticalToASerialOne() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Path serial = a.root().resolve("serial");
        Path parallel = a.root().resolve("parallel");
        // Parallel streams run in the pool of the calling task: a one-thread pool makes the build serial.
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            assertTrue(one.submit(() -> new Builder(Project.at(a.root()).withOut(serial)).build()).get().ok());
        } finally {
            one.shutdown();
        }
        java.util.concurrent.ForkJoinPool four = new java.util.concurrent.ForkJoinPool(4);
        try {
            assertTrue(four.submit(() -> new Builder(Project.at(a.root()).withOut(parallel)).build()).get().ok());
        } finally {
            four.shutdown();
        }
        Map<String, byte[]> x = TempArchive.files(serial);
        Map<String, byte[]> y = TempArchive.files(parallel);
        assertEquals(x.keySet(), y.keySet());
        for (String k : x.keySet()) assertArrayEquals(x.get(k), y.get(k), k);
    }

    /** Builds the site, then edits a topic so that the next build changes pages; returns the site as built. */
    private Map<String, byte[]> builtThenEdited(TempArchive a) throws IOException {
        assertTrue(build(a).ok());
        Map<String, byte[]> built = TempArchive.files(a.root().resolve("target/site"));
        a.write("topics/deaths.md", Files.readString(a.content().resolve("topics/deaths.md")) + "\nA new sentence.\n");
        return built;
    }

    /** Asserts that a site holds exactly the files it held, byte for byte, and nothing else. */
    private static void assertUnchanged(Map<String, byte[]> before, Path site) throws IOException {
        Map<String, byte[]> after = TempArchive.files(site);
        assertEquals(before.keySet(), after.keySet(), "no file added, none removed, no temporary file left");
        for (String k : before.keySet()) assertArrayEquals(before.get(k), after.get(k), k);
    }
}
