package org.evidencearchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.testing.CorrectedArchive;
import org.evidencearchive.testing.RealSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Versions and corrections: a corrected text keeps its earlier version at its own URL, the correction shows on the
 * source page, the Corrections page and in the feed, and the versions reach web-archive tools (TimeMap, Memento
 * headers, a WARC read back with jwarc). The TimeMap is also parsed as link-format by src/test/js/memento.test.mjs.
 */
class VersionsTest {
    @TempDir
    static Path dir;
    static CorrectedArchive corrected;
    static Path site;
    static Builder.Result result;

    @BeforeAll
    static void build() throws IOException {
        corrected = CorrectedArchive.make(dir.resolve("archive"));
        result = new Builder(Project.at(corrected.archive.root())).build();
        site = corrected.archive.root().resolve("target/site");
    }

    private static String old12() {
        return corrected.oldSha.substring(0, 12);
    }

    private static String new12() {
        return corrected.newSha.substring(0, 12);
    }

    @Test
    void theEarlierTextStaysPublishedAtItsOwnUrlWithItsChecksum() throws IOException {
        assertTrue(result.ok(), () -> result.diagnostics().sorted().toString());
        byte[] old = Files.readAllBytes(site.resolve("sources/alpha/versions/" + old12() + "/text.txt"));
        assertEquals(corrected.oldSha, ContentParser.sha256(old));
        assertArrayEquals(corrected.oldText, old);
        assertArrayEquals(corrected.newText, Files.readAllBytes(site.resolve("sources/alpha/versions/" + new12() + "/text.txt")));
        assertArrayEquals(corrected.newText, Files.readAllBytes(site.resolve("sources/alpha/text.txt")));
        // the first build recorded the first version's URL (then the current one) in the URL ledger: it still resolves
        String urls = Files.readString(corrected.archive.root().resolve("site-config/urls.txt"));
        assertTrue(urls.contains("/sources/alpha/versions/" + old12() + "/text.txt\n"), urls);
        assertTrue(urls.contains("/sources/alpha/timemap.link\n"), urls);
        assertTrue(urls.contains("/data/archive.warc.gz\n"), urls);
    }

    @Test
    void theSourcePageShowsTheCorrectionAndLinksTheEarlierVersion() throws IOException {
        Document page = Jsoup.parse(site.resolve("sources/alpha/index.html").toFile());
        Element details = page.selectFirst("section.versions details#corrections");
        assertNotNull(details, page.select("section.versions").outerHtml());
        assertTrue(details.selectFirst("summary").text().startsWith("Corrected 1 time since it was archived on 4 March 2025"),
                details.selectFirst("summary").text());
        Element c = details.selectFirst("li#correction-1");
        assertEquals("2026-01-05", c.selectFirst("time").attr("datetime"));
        assertTrue(c.text().contains("5 January 2026: " + CorrectedArchive.WHAT), c.text());
        assertTrue(c.text().contains("Why: The capture was compared with the printed page."), c.text());
        assertEquals("/sources/alpha/versions/" + old12() + "/text.txt", c.selectFirst("a").attr("href"));
        assertTrue(c.text().contains(corrected.oldSha), c.text());
        // the TimeMap, linked relative to the page (every byte of a source page counts)
        assertEquals("https://evidence-archive.example/sources/alpha/timemap.link", java.net.URI.create("https://evidence-archive.example/sources/alpha/")
                .resolve(page.selectFirst("head link[rel=timemap]").attr("href")).toString());
        // the fixity export names both texts
        String fixity = Files.readString(site.resolve("data/fixity.json"));
        assertTrue(fixity.contains("/sources/alpha/versions/" + old12() + "/text.txt"), fixity);
    }

    @Test
    void theCorrectionsPageAndTheFeedListIt() throws Exception {
        Document page = Jsoup.parse(site.resolve("corrections/index.html").toFile());
        var items = page.select("ol.corrections-list > li");
        assertEquals(1, items.size(), page.select("main").outerHtml());
        assertEquals("/sources/alpha/#correction-1", items.first().selectFirst("a").attr("href"));
        assertTrue(items.first().text().startsWith("5 January 2026 · Alpha report " + CorrectedArchive.WHAT), items.first().text());
        assertTrue(page.select("main p.none").isEmpty());
        assertNotNull(Jsoup.parse(site.resolve("index.html").toFile()).selectFirst("nav a[href=/corrections/]"));

        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document feed = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(site.resolve("feed.xml"))));
        var entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        List<String> found = new ArrayList<>();
        for (int k = 0; k < entries.getLength(); k++) {
            var e = (org.w3c.dom.Element) entries.item(k);
            String link = ((org.w3c.dom.Element) e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0)).getAttribute("href");
            if (!link.endsWith("#correction-1")) continue;
            found.add(link + " " + e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated").item(0).getTextContent()
                    + " " + e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "summary").item(0).getTextContent());
        }
        assertEquals(List.of("https://evidence-archive.example/sources/alpha/#correction-1 2026-01-05T00:00:00Z 5 January 2026: "
                + CorrectedArchive.WHAT + " Why: The capture was compared with the printed page."), found);
    }

    @Test
    void aSourcesCitationIsDatedByItsArchivedTextNotByLaterEditsToItsNotes(@TempDir Path other) throws IOException {
        CorrectedArchive c = CorrectedArchive.make(other.resolve("archive"));
        Path md = c.archive.content().resolve("sources/alpha.md");
        Files.writeString(md, Files.readString(md) + "\nA note of ours, added later.\n");
        CorrectedArchive.git(c.archive.root(), CorrectedArchive.dated("2026-03-01T09:00:00Z"), "add", "-A");
        CorrectedArchive.git(c.archive.root(), CorrectedArchive.dated("2026-03-01T09:00:00Z"), "commit", "-q", "--no-verify", "-m", "Note");
        assertTrue(new Builder(Project.at(c.archive.root())).build().ok());
        Path out = c.archive.root().resolve("target/site/sources/alpha");
        // the page is of 1 March; the wording it cites was archived (corrected) on 5 January, as its Memento says
        assertTrue(Files.readString(out.resolve("index.html")).contains("2026-03-01"));
        String ris = Files.readString(out.resolve("cite.ris"));
        assertTrue(ris.contains(", 5 January 2026"), ris);
        assertFalse(ris.contains("March 2026"), ris);
    }

    @Test
    void theMementoHeadersDateEachVersion() throws IOException {
        String headers = Files.readString(site.resolve("_headers"));
        String base = "https://evidence-archive.example/sources/alpha/";
        assertTrue(headers.contains("\n/sources/alpha/versions/" + old12() + "/text.txt\n  Memento-Datetime: Tue, 04 Mar 2025 10:20:30 GMT\n"
                + "  Link: <" + base + "text.txt>; rel=\"original\", <" + base + "timemap.link>; rel=\"timemap\"; type=\"application/link-format\""), headers);
        assertTrue(headers.contains("\n/sources/alpha/versions/" + new12() + "/text.txt\n  Memento-Datetime: Mon, 05 Jan 2026 00:00:00 GMT\n"), headers);
        assertTrue(headers.contains("\n/sources/alpha/text.txt\n  Link: <" + base + "text.txt>; rel=\"original\", <" + base
                + "timemap.link>; rel=\"timemap\""), headers);
        assertTrue(headers.contains("\n/sources/alpha/timemap.link\n  Content-Type: application/link-format"), headers);
        // the security headers still come first, for every path
        assertTrue(headers.startsWith("/*\n  Content-Security-Policy: "), headers);
    }

    @Test
    void theWarcReadsBackWithJwarcWithMatchingDigestsAndDates() throws Exception {
        Path warc = site.resolve("data/archive.warc.gz");
        List<String> seen = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                if (r instanceof Warcinfo info) {
                    assertTrue(seen.isEmpty(), "warcinfo comes first");
                    assertTrue(info.fields().first("format").orElseThrow().equals("WARC File Format 1.1"));
                    assertEquals("1.1", info.version().getProtocol().equals("WARC") ? info.version().getMajor() + "." + info.version().getMinor() : "");
                    seen.add("warcinfo");
                    continue;
                }
                WarcResource res = (WarcResource) r;
                byte[] body = res.body().stream().readAllBytes();
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                assertArrayEquals(md.digest(body), res.payloadDigest().orElseThrow().bytes(), res.target());
                assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(body), res.blockDigest().orElseThrow().bytes());
                assertEquals("sha256", res.payloadDigest().orElseThrow().algorithm());
                assertEquals(MediaType.parse("text/plain;charset=utf-8"), res.contentType());
                assertEquals(warcinfoId(warc), res.warcinfoID().orElseThrow());
                seen.add(res.target() + " " + res.date() + " " + ContentParser.sha256(body));
            }
        }
        String base = "https://evidence-archive.example/sources/alpha/versions/";
        assertEquals(List.of("warcinfo",
                base + old12() + "/text.txt " + Instant.parse(CorrectedArchive.ARCHIVED) + " " + corrected.oldSha,
                base + new12() + "/text.txt " + Instant.parse(CorrectedArchive.CORRECTION_DAY + "T00:00:00Z") + " " + corrected.newSha), seen);
        // jwarc's own validator (its command-line tool) passes every record and digest
        jwarc("validate", warc.toString());
    }

    @Test
    void theWaczPackagesTheWarcWithAnIndexAsJwarcWritesIt() throws Exception {
        Path wacz = site.resolve("data/archive.wacz");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
                if (e.getName().endsWith(".warc.gz")) assertEquals(ZipEntry.STORED, e.getMethod(), "a WARC is stored, to be read by range");
            }
        }
        assertEquals(List.of("archive/archive.warc.gz", "indexes/index.cdx", "pages/pages.jsonl", "datapackage.json",
                "datapackage-digest.json"), List.copyOf(entries.keySet()));
        assertArrayEquals(Files.readAllBytes(site.resolve("data/archive.warc.gz")), entries.get("archive/archive.warc.gz"));
        // datapackage.json names every other file with its checksum and size; the digest file names datapackage.json's
        ObjectMapper json = new ObjectMapper();
        JsonNode pkg = json.readTree(entries.get("datapackage.json"));
        assertEquals("1.1.1", pkg.get("wacz_version").asText());
        List<String> listed = new ArrayList<>();
        for (JsonNode r : pkg.get("resources")) {
            byte[] bytes = entries.get(r.get("path").asText());
            assertEquals("sha256:" + ContentParser.sha256(bytes), r.get("hash").asText(), r.toString());
            assertEquals(bytes.length, r.get("bytes").asInt());
            listed.add(r.get("path").asText());
        }
        assertEquals(List.of("archive/archive.warc.gz", "indexes/index.cdx", "pages/pages.jsonl"), listed);
        assertEquals("sha256:" + ContentParser.sha256(entries.get("datapackage.json")),
                json.readTree(entries.get("datapackage-digest.json")).get("hash").asText());
        // the index is the one jwarc's cdxj tool writes for the same WARC
        Path copy = dir.resolve("cdxj/archive.warc.gz");
        Files.createDirectories(copy.getParent());
        Files.write(copy, entries.get("archive/archive.warc.gz"));
        assertEquals(jwarc("cdxj", copy.toString()), new String(entries.get("indexes/index.cdx"), StandardCharsets.UTF_8));
        // the pages list: its header, then each version with its URL and date
        List<String> pages = new String(entries.get("pages/pages.jsonl"), StandardCharsets.UTF_8).lines().toList();
        assertEquals("json-pages-1.0", json.readTree(pages.get(0)).get("format").asText());
        assertEquals(List.of("https://evidence-archive.example/sources/alpha/versions/" + old12() + "/text.txt " + CorrectedArchive.ARCHIVED,
                        "https://evidence-archive.example/sources/alpha/versions/" + new12() + "/text.txt " + CorrectedArchive.CORRECTION_DAY + "T00:00:00Z"),
                pages.subList(1, pages.size()).stream().map(l -> {
                    try {
                        JsonNode p = json.readTree(l);
                        return p.get("url").asText() + " " + p.get("ts").asText();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList());
    }

    /** Runs jwarc's command-line tool (on the test classpath) and returns what it printed; fails unless it exits 0. */
    private static String jwarc(String... args) throws Exception {
        Process p = org.evidencearchive.testing.ChildJvm.of("org.netpreserve.jwarc.tools.WarcTool", args)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static java.net.URI warcinfoId(Path warc) throws IOException {
        try (WarcReader reader = new WarcReader(warc)) {
            return reader.next().orElseThrow().id();
        }
    }

    @Test
    void twoBuildsWriteTheSameBytes() throws IOException {
        Path again = dir.resolve("again");
        assertTrue(new Builder(Project.at(corrected.archive.root()).withOut(again)).build().ok());
        for (String f : List.of("data/archive.warc.gz", "data/archive.wacz", "sources/alpha/timemap.link", "_headers", "feed.xml", "corrections/index.html")) {
            assertArrayEquals(Files.readAllBytes(site.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
    }

    @Test
    void aCorrectionMustKeepTheEarlierTextWithItsChecksum() throws IOException {
        Path md = corrected.archive.content().resolve("sources/alpha.md");
        String good = Files.readString(md);
        try {
            Files.writeString(md, good.replace("    previous_text: alpha.v1.txt\n", ""));
            Diagnostic missing = only(new Builder(Project.at(corrected.archive.root())).check());
            assertTrue(missing.file().endsWith("sources/alpha.md"), missing.toString());
            assertEquals(lineOf(good, "  - date:"), missing.line(), missing.toString());
            assertTrue(missing.message().contains("previous_text"), missing.toString());
            assertTrue(missing.hint().startsWith("name the file that keeps the text as it was before this correction, e.g. previous_text:"
                    + " alpha.v1.txt (git show HEAD:"), missing.hint());

            Files.writeString(md, good.replace("previous_text: alpha.v1.txt", "previous_text: alpha.v0.txt"));
            Diagnostic absent = only(new Builder(Project.at(corrected.archive.root())).check());
            assertEquals(lineOf(good, "previous_text:"), absent.line(), absent.toString());
            assertEquals("the earlier text 'alpha.v0.txt' is not there", absent.message());

            Files.writeString(md, good);
            Path v1 = corrected.archive.content().resolve("sources/alpha.v1.txt");
            Files.write(v1, "Something else.\n".getBytes(StandardCharsets.UTF_8));
            Diagnostic differs = only(new Builder(Project.at(corrected.archive.root())).build());
            assertEquals(lineOf(good, "previous_text:"), differs.line(), differs.toString());
            assertTrue(differs.message().startsWith("the earlier text 'alpha.v1.txt' does not have the checksum previous_sha256 names ("
                    + corrected.oldSha.substring(0, 12)), differs.message());
            assertTrue(differs.format().startsWith(differs.file() + ":" + differs.line() + ":"), differs.format());
            Files.write(v1, corrected.oldText);

            Files.writeString(md, good.replace("date: \"" + CorrectedArchive.CORRECTION_DAY + "\"", "date: \"2026-01\""));
            Diagnostic month = only(new Builder(Project.at(corrected.archive.root())).check());
            assertEquals("a correction's date must be a day (YYYY-MM-DD), not '2026-01'", month.message());
        } finally {
            Files.writeString(md, good);
        }
        assertTrue(new Builder(Project.at(corrected.archive.root())).check().ok());
    }

    @Test
    void removingTheCorrectionBreaksTheLedgers() throws IOException {
        Path md = corrected.archive.content().resolve("sources/alpha.md");
        String good = Files.readString(md);
        try {
            // dropping the correction (and so the earlier version) is refused, once, as a change without a correction
            Files.writeString(md, good.replaceAll("(?s)corrections:.*previous_text: alpha.v1.txt\n", ""));
            Diagnostic unrecorded = only(new Builder(Project.at(corrected.archive.root())).check());
            assertTrue(unrecorded.message().contains("has changed since it was archived"), unrecorded.toString());
            // so is undoing it: the corrected text's version was published too, and stays
            Files.writeString(md, good.replaceAll("(?s)corrections:.*previous_text: alpha.v1.txt\n", "").replace(corrected.newSha, corrected.oldSha));
            Files.write(corrected.archive.content().resolve("sources/alpha.txt"), corrected.oldText);
            Path ledger = corrected.archive.root().resolve("site-config/urls.txt");
            String urls = Files.readString(ledger);
            Files.writeString(ledger, urls + "/sources/alpha/versions/" + new12() + "/text.txt\n"); // as ./archive ledger would
            try {
                Diagnostic gone = only(new Builder(Project.at(corrected.archive.root())).check());
                assertEquals("published URL /sources/alpha/versions/" + new12() + "/text.txt would no longer resolve", gone.message());
                assertTrue(gone.hint().contains("keep the correction that names it, with its previous_text"), gone.hint());
            } finally {
                Files.writeString(ledger, urls);
                Files.write(corrected.archive.content().resolve("sources/alpha.txt"), corrected.newText);
            }
        } finally {
            Files.writeString(md, good);
        }
    }

    @Test
    void theRealArchiveSaysItHasNoCorrection() throws IOException {
        assertTrue(RealSite.result().ok());
        Document page = Jsoup.parse(RealSite.out().resolve("corrections/index.html").toFile());
        assertEquals("No correction has been recorded: every archived text is exactly as it was first archived.",
                page.selectFirst("main p.none").text());
        assertTrue(page.select("ol.corrections-list").isEmpty());
        Document source = Jsoup.parse(RealSite.out().resolve("sources/home-office-letter-glasgow-dcr/index.html").toFile());
        assertTrue(source.selectFirst("p.versions").text().startsWith("As first archived, never corrected"),
                source.selectFirst("p.versions").text());
        assertEquals("versions/cc206999d293/text.txt", source.selectFirst("p.versions a").attr("href")); // relative to the page
        assertFalse(Files.readString(RealSite.out().resolve("feed.xml")).contains("#correction-"));
    }

    private static Diagnostic only(Builder.Result r) {
        var ds = r.diagnostics().sorted().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        assertEquals(1, ds.size(), ds::toString);
        return ds.get(0);
    }

    private static int lineOf(String text, String start) {
        var lines = text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) if (lines[k].stripLeading().startsWith(start.strip())) return k + 1;
        throw new AssertionError(start);
    }
}
