package org.evidencearchive.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A larger archive's indexes come in numbered pages: every page is valid HTML, page 1 keeps the section's URL,
 * the navigation links them in order, and every item is listed exactly once. (The real archive is small
 * enough that none of its indexes has a second page.)
 */
class PaginationTest {
    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void build() throws Exception {
        TempArchive a = TempArchive.synthetic(dir.resolve("a"), 260);
        Builder.Result r = new Builder(Project.at(a.root())).build();
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        out = a.root().resolve("target/site");
        HtmlValidityTest.setUp();
    }

    private static Document page(String path) throws Exception {
        return Jsoup.parse(Files.readString(out.resolve(path)), "/");
    }

    @Test
    void numberedPagesAreValidHtml() throws Exception {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(out)) {
            pages = s.filter(p -> p.toString().replace('\\', '/').matches(".*/page/[0-9]+/index\\.html")).sorted().toList();
        }
        assertTrue(pages.size() >= 3, "numbered pages: " + pages);
        pages = new ArrayList<>(pages);
        pages.add(out.resolve("sources/index.html"));
        pages.add(out.resolve("index.html"));
        List<String> problems = new ArrayList<>();
        for (Path p : pages) {
            for (String e : HtmlValidityTest.validate(Files.readAllBytes(p))) problems.add(out.relativize(p) + ":" + e);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void pagesLinkInOrderAndListEverySourceOnce() throws Exception {
        Document first = page("sources/index.html");
        assertEquals("/sources/page/2/", first.selectFirst("nav.pager a[rel=next]").attr("href"));
        assertFalse(first.select("nav.pager a[rel=prev]").size() > 0);
        assertEquals("/sources/", first.selectFirst("nav.pager a[aria-current=page]").attr("href"));
        Document second = page("sources/page/2/index.html");
        assertEquals("/sources/", second.selectFirst("nav.pager a[rel=prev]").attr("href"));
        assertTrue(second.title().startsWith("Sources, page 2 of 2"), second.title());
        assertEquals("/sources/page/2/", second.selectFirst("link[rel=canonical]").attr("href").replaceAll("^https?://[^/]+", ""));
        List<String> listed = new ArrayList<>();
        for (Document d : List.of(first, second)) {
            d.select("main a[href^=/sources/source-]").forEach(a -> listed.add(a.attr("href")));
        }
        assertEquals(260, listed.size());
        assertEquals(260, listed.stream().distinct().count());
    }

    @Test
    void theHomePageListsAFewSourcesAndLinksToAll() throws Exception {
        Document home = page("index.html");
        assertTrue(home.select("main a[href^=/sources/source-]").size() <= 24);
        assertNotNull(home.selectFirst("main a[href=/sources/]:contains(All 260 sources)"));
    }
}
