package org.evidencearchive.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.evidencearchive.testing.RealSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The feeds gate: the Atom feed and sitemap are well-formed XML and every URL in them resolves in the site. */
class FeedsTest {
    static Path out;
    static final String BASE = "https://evidence-archive.example";

    @BeforeAll
    static void build() {
        assertTrue(RealSite.result().ok());
        out = RealSite.out();
    }

    static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** Returns the site URLs of a feed or sitemap that do not resolve to a built file. */
    static List<String> unresolved(List<String> urls) {
        List<String> missing = new ArrayList<>();
        for (String url : urls) {
            if (!url.startsWith(BASE + "/")) {
                missing.add(url);
                continue;
            }
            String path = url.substring(BASE.length());
            if (!Files.isRegularFile(out.resolve(Redirects.fileFor(path)))) missing.add(url);
        }
        return missing;
    }

    private static List<String> texts(NodeList nodes, String attribute) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            var n = (org.w3c.dom.Element) nodes.item(i);
            out.add(attribute == null ? n.getTextContent().strip() : n.getAttribute(attribute));
        }
        return out;
    }

    @Test
    void theSitemapIsWellFormedAndEveryUrlResolves() throws Exception {
        Document d = xml(Files.readAllBytes(out.resolve("sitemap.xml")));
        List<String> locs = texts(d.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc"), null);
        assertTrue(locs.size() > 100, "sitemap lists every page: " + locs.size());
        assertEquals(List.of(), unresolved(locs));
        List<String> lastmods = texts(d.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "lastmod"), null);
        assertEquals(locs.size(), lastmods.size(), "every URL has the day it last changed (the real archive is in git)");
        assertTrue(lastmods.stream().allMatch(m -> m.matches("\\d{4}-\\d{2}-\\d{2}")), lastmods.toString());
        try (var texts = Files.list(out.resolve("sources"))) {
            for (Path dir : texts.filter(Files::isDirectory).toList()) {
                assertTrue(locs.contains(BASE + "/sources/" + dir.getFileName() + "/text.txt"), dir + ": its text.txt is listed");
            }
        }
        try (var data = Files.list(out.resolve("data"))) {
            for (Path f : data.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(Precompressed.GZ) && Files.exists(f.resolveSibling(Precompressed.original(name)))) {
                    assertFalse(locs.contains(BASE + "/data/" + name), f + " is a gzip twin, not listed");
                    continue;
                }
                assertTrue(locs.contains(BASE + "/data/" + name), f + " is listed");
            }
        }
        // and a reader finds every data file on the About page
        String about = Files.readString(out.resolve("about/index.html"));
        for (String loc : locs) {
            if (loc.startsWith(BASE + "/data/")) assertTrue(about.contains("href=\"" + loc.substring(BASE.length()) + "\""), loc + " is linked from /about/");
        }
    }

    @Test
    void robotsTxtAllowsAllAndNamesTheSitemap() throws Exception {
        String robots = Files.readString(out.resolve("robots.txt"));
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: " + BASE + "/sitemap.xml\n", robots);
        assertEquals(List.of(), unresolved(List.of(BASE + "/sitemap.xml")));
    }

    @Test
    void theAtomFeedIsWellFormedAndEveryLinkResolves() throws Exception {
        Document d = xml(Files.readAllBytes(out.resolve("feed.xml")));
        assertEquals("feed", d.getDocumentElement().getLocalName());
        NodeList entries = d.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertEquals(10, entries.getLength(), "five sources and five commentaries");
        List<String> links = texts(d.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link"), "href");
        assertEquals(List.of(), unresolved(links));
        // an entry is updated when its item last changed, as the sitemap says (not when the site last did)
        Document map = xml(Files.readAllBytes(out.resolve("sitemap.xml")));
        java.util.Map<String, String> lastmod = new java.util.HashMap<>();
        NodeList urls = map.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
        for (int i = 0; i < urls.getLength(); i++) {
            var u = (org.w3c.dom.Element) urls.item(i);
            lastmod.put(u.getElementsByTagNameNS("*", "loc").item(0).getTextContent(),
                    u.getElementsByTagNameNS("*", "lastmod").item(0).getTextContent());
        }
        for (int i = 0; i < entries.getLength(); i++) {
            var e = (org.w3c.dom.Element) entries.item(i);
            String link = ((org.w3c.dom.Element) e.getElementsByTagNameNS("*", "link").item(0)).getAttribute("href");
            String updated = e.getElementsByTagNameNS("*", "updated").item(0).getTextContent();
            assertEquals(lastmod.get(link), updated.substring(0, 10), link);
        }
    }

    @Test
    void theGateCanFail() throws Exception {
        assertThrows(Exception.class, () -> xml("<feed><entry></feed>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(BASE + "/sources/gone/"), unresolved(List.of(BASE + "/sources/gone/", BASE + "/")));
    }
}
