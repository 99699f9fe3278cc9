package org.evidencearchive.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReferenceTest {
    static final Reference BYLINED = new Reference(Reference.Type.NEWSPAPER_ARTICLE,
            "Drug addicts to receive diamorphine twice a day in UK-first scheme", false, List.of("Mattha Busby"), null, null,
            null, null, "UK Drug Policy Evidence Archive", "https://a.example/sources/m/", "3f70daa", "2026-11-22", "middlesbrough-scheme");
    static final Reference UNTITLED = new Reference(Reference.Type.NEWSPAPER_ARTICLE, "Glasgow MP urges a licence", true,
            List.of(), null, null, null, null, "UK Drug Policy Evidence Archive", "https://a.example/sources/g/", "3f70daa", "2026-11-22", "g");
    static final Reference OURS = new Reference(Reference.Type.WEBPAGE, "On the letter", false, List.of(),
            "UK Drug Policy Evidence Archive", null, "2026-11-20", null, "UK Drug Policy Evidence Archive",
            "https://a.example/commentary/on/", "1a2b3c4", "2026-11-20", "on");
    static final Reference KNOWN = new Reference(Reference.Type.NEWSPAPER_ARTICLE, "Deaths & costs: 100% up", false,
            List.of("Ann Lee", "Bo Ng"), null, "The Example Times", "2019-07-16", "https://times.example/a", "Archive",
            "https://a.example/sources/k/", "3f70daa", "2026-11-22", "known_1");

    private static CitationStyles.Rendered render(Reference r) {
        return CitationStyles.render(Exports.cslItem(r), "en-GB");
    }

    /** What the issue found missing: italics, headline case where the style wants it, OSCOLA's full stop. */
    @Test
    void theOfficialStylesShapeTheEntries() {
        CitationStyles.Rendered known = render(KNOWN);
        assertEquals("Lee, A., &amp; Ng, B. (2019, July 16). Deaths &amp; costs: 100% up. <i>The Example Times</i>. Archive. "
                + "https://a.example/sources/k/", known.html(CitationStyles.Style.APA));
        assertEquals("Lee, Ann, and Bo Ng. ‘Deaths &amp; Costs: 100% Up’. <i>The Example Times</i>, 16 July 2019. Archive. "
                + "https://a.example/sources/k/.", known.html(CitationStyles.Style.CHICAGO));
        assertEquals("Lee, A. and Ng, B. (2019) ‘Deaths &amp; costs: 100% up’, <i>The Example Times</i>, 16 July. "
                + "Available at: https://a.example/sources/k/.", known.html(CitationStyles.Style.HARVARD));
        assertEquals("Ann Lee and Bo Ng, ‘Deaths &amp; Costs: 100% Up’ <i>The Example Times</i> (16 July 2019) "
                + "&lt;https://a.example/sources/k/&gt;.", known.html(CitationStyles.Style.OSCOLA));
        assertEquals("Ann Lee and Bo Ng, ‘Deaths & Costs: 100% Up’ The Example Times (16 July 2019) <https://a.example/sources/k/>.",
                known.text().get(CitationStyles.Style.OSCOLA));
        // an untitled, undated text with no byline: the supplied title in brackets, and the style's own "no date"
        CitationStyles.Rendered untitled = render(UNTITLED);
        assertEquals("(No date) ‘[Glasgow MP urges a licence]’. Available at: https://a.example/sources/g/.",
                untitled.html(CitationStyles.Style.HARVARD));
        assertEquals("<i>[Glasgow MP urges a licence]</i>. (n.d.). UK Drug Policy Evidence Archive. https://a.example/sources/g/",
                untitled.html(CitationStyles.Style.APA));
    }

    /**
     * Engines are reused (one per style and thread): an entry must not depend on what was rendered before it (no
     * "———" for a repeated author, no "ibid", no year suffix), or parallel builds would differ.
     */
    @Test
    void anEntryDoesNotDependOnTheOneBefore() {
        Reference second = new Reference(Reference.Type.NEWSPAPER_ARTICLE, "Second piece", false, List.of("Ann Lee", "Bo Ng"),
                null, "The Example Times", "2019-07-16", null, "Archive", "https://a.example/sources/s/", null, null, "second");
        CitationStyles.Rendered alone = render(second);
        render(KNOWN);
        render(KNOWN);
        assertEquals(alone, render(second));
        assertEquals(CitationStyles.oscolaPinpoint(Exports.cslItem(KNOWN), "3", "en-GB"),
                CitationStyles.oscolaPinpoint(Exports.cslItem(KNOWN), "3", "en-GB"));
    }

    /** A title is text: markup in it is escaped, never passed through. */
    @Test
    void markupInATitleStaysText() {
        Reference evil = new Reference(Reference.Type.WEBPAGE, "<script>alert(1)</script> & <i>x</i>", false, List.of(), "A",
                null, null, null, "A", "https://a.example/c/", null, null, "evil");
        for (String h : render(evil).html().values()) {
            assertFalse(h.contains("<script"), h);
            assertTrue(h.replaceAll("</?(i|b)>", "").indexOf('<') < 0, h);
        }
    }

    /** The date of the archive's version is not when anyone accessed the page: no style states an access date. */
    @Test
    void noStyleOrDownloadStatesAnAccessDate() throws Exception {
        for (Reference r : List.of(BYLINED, UNTITLED, OURS, KNOWN)) {
            for (String c : render(r).text().values()) {
                assertFalse(c.toLowerCase(java.util.Locale.ROOT).matches(".*(accessed|retrieved).*"), c);
            }
            assertFalse(Exports.bibtex(r).contains("urldate"), Exports.bibtex(r));
            assertFalse(Exports.ris(r).contains("Y2  -"), Exports.ris(r));
            assertFalse(new ObjectMapper().readTree(Exports.cslJson(r)).get(0).has("accessed"));
        }
    }

    @Test
    void pinpointsNameTheParagraphAndItsAnchor() {
        Map<String, Object> p = new LinkedHashMap<>(Exports.cslItem(BYLINED));
        p.put("URL", "https://a.example/sources/m/#p4");
        String oscola = CitationStyles.oscolaPinpoint(p, "4", "en-GB");
        assertEquals("Mattha Busby, ‘Drug Addicts to Receive Diamorphine Twice a Day in UK-First Scheme’ para 4 "
                + "&lt;https://a.example/sources/m/#p4&gt;.", oscola);
        // rendered once for all paragraphs: the same as each rendered by itself
        CitationStyles.Pinpoints all = CitationStyles.oscolaPinpoints(Exports.cslItem(BYLINED), "en-GB");
        assertEquals(oscola, all.at("4", "p4"));
        p.put("URL", "https://a.example/sources/m/#p12a");
        assertEquals(CitationStyles.oscolaPinpoint(p, "12a", "en-GB"), all.at("12a", "p12a"));
        assertTrue(all.at("12a", "p12a").contains("para 12a &lt;https://a.example/sources/m/#p12a&gt;."), all.at("12a", "p12a"));
    }

    /** A tiny BibTeX reader: entry type, key and fields. */
    static Map<String, String> bib(String s) {
        Matcher head = Pattern.compile("^@(\\w+)\\{([^,]+),\\n").matcher(s);
        assertTrue(head.find(), s);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("@type", head.group(1));
        f.put("@key", head.group(2));
        Matcher m = Pattern.compile("(?m)^  (\\w+) = \\{(.*)\\},$").matcher(s);
        while (m.find()) f.put(m.group(1), m.group(2));
        assertTrue(s.endsWith("}\n"));
        return f;
    }

    @Test
    void bibtexParsesBackAndEscapesTexSpecials() {
        Map<String, String> f = bib(Exports.bibtex(KNOWN));
        assertEquals("article", f.get("@type"));
        assertEquals("newspaper", f.get("entrysubtype"));
        assertEquals("known1", f.get("@key"));
        assertEquals("{Deaths \\& costs: 100\\% up}", f.get("title"));
        assertEquals("Ann Lee and Bo Ng", f.get("author"));
        assertEquals("The Example Times", f.get("journal"));
        assertEquals("2019", f.get("year"));
        Map<String, String> unknown = bib(Exports.bibtex(UNTITLED));
        assertEquals("article", unknown.get("@type"));
        assertFalse(unknown.containsKey("author"), "no invented author");
        assertFalse(unknown.containsKey("year"), "no invented year");
        assertFalse(unknown.get("note").contains("unknown"), unknown.get("note"));
        assertEquals("{UK Drug Policy Evidence Archive}", bib(Exports.bibtex(OURS)).get("author"));
        assertEquals("online", bib(Exports.bibtex(OURS)).get("@type"));
    }

    @Test
    void risHasItsTagsAndCrlfLines() {
        String ris = Exports.ris(KNOWN);
        assertTrue(ris.endsWith("ER  - \r\n"));
        List<String> lines = List.of(ris.split("\r\n"));
        assertEquals("TY  - NEWS", lines.get(0));
        assertTrue(lines.contains("AU  - Lee, Ann") && lines.contains("AU  - Ng, Bo"), lines.toString());
        assertTrue(lines.contains("T2  - The Example Times"));
        assertTrue(lines.contains("DA  - 2019/07/16"));
        assertTrue(lines.contains("DB  - Archive"), lines.toString());
        assertTrue(lines.contains("N1  - Archived in Archive, archived version 3f70daa, 22 November 2026; original URL https://times.example/a"), lines.toString());
        assertFalse(Exports.ris(UNTITLED).contains("PY  -"), "no invented year");
        assertTrue(Exports.ris(OURS).startsWith("TY  - ELEC"));
    }

    @Test
    void cslJsonParsesBack() throws Exception {
        JsonNode item = new ObjectMapper().readTree(Exports.cslJson(KNOWN)).get(0);
        assertEquals("article-newspaper", item.get("type").asText());
        assertEquals("Lee", item.get("author").get(0).get("family").asText());
        assertEquals("Ann", item.get("author").get(0).get("given").asText());
        assertEquals(2019, item.get("issued").get("date-parts").get(0).get(0).asInt());
        assertEquals(16, item.get("issued").get("date-parts").get(0).get(2).asInt());
        assertEquals("Archive", item.get("archive").asText());
        assertTrue(item.get("note").asText().contains("original URL https://times.example/a"), item.toString());
        assertFalse(item.has("archive_location"), "the original URL is not a place in the archive");
        JsonNode untitled = new ObjectMapper().readTree(Exports.cslJson(UNTITLED)).get(0);
        assertFalse(untitled.has("issued") || untitled.has("author") || untitled.has("container-title"));
        assertEquals("UK Drug Policy Evidence Archive", new ObjectMapper().readTree(Exports.cslJson(OURS)).get(0).get("author").get(0).get("literal").asText());
    }
}
