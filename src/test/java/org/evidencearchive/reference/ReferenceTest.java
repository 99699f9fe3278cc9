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
            null, null, "UK Drug Policy Evidence Archive", "https://a.example/sources/m/", "3f70daa", "2026-11-22", "middlesbrough-scheme", null);
    static final Reference UNTITLED = new Reference(Reference.Type.NEWSPAPER_ARTICLE, "Glasgow MP urges a licence", true,
            List.of(), null, null, null, null, "UK Drug Policy Evidence Archive", "https://a.example/sources/g/", "3f70daa", "2026-11-22", "g", null);
    static final Reference OURS = new Reference(Reference.Type.WEBPAGE, "On the letter", false, List.of(),
            "UK Drug Policy Evidence Archive", null, "2026-11-20", null, "UK Drug Policy Evidence Archive",
            "https://a.example/commentary/on/", "1a2b3c4", "2026-11-20", "on", null);
    static final Reference KNOWN = new Reference(Reference.Type.NEWSPAPER_ARTICLE, "Deaths & costs: 100% up", false,
            List.of("Ann Lee", "Bo Ng"), null, "The Example Times", "2019-07-16", "https://times.example/a", "Archive",
            "https://a.example/sources/k/", "3f70daa", "2026-11-22", "known_1", null);

    @Test
    void apaCreditsTheAuthorAndSaysWhatIsUnknown() {
        assertEquals("Busby, M. (n.d.). Drug addicts to receive diamorphine twice a day in UK-first scheme. Archived in UK Drug "
                + "Policy Evidence Archive, archived version 3f70daa, November 22, 2026. https://a.example/sources/m/", CitationStyles.apa(BYLINED));
        assertEquals("[Glasgow MP urges a licence]. (n.d.). Archived in UK Drug Policy Evidence Archive, archived version 3f70daa, "
                + "November 22, 2026. https://a.example/sources/g/", CitationStyles.apa(UNTITLED));
        assertEquals("Lee, A., & Ng, B. (2019, July 16). Deaths & costs: 100% up. The Example Times. Archived in Archive, "
                + "archived version 3f70daa, November 22, 2026. https://a.example/sources/k/", CitationStyles.apa(KNOWN));
    }

    @Test
    void chicagoHarvardAndOscola() {
        assertEquals("Busby, Mattha. “Drug addicts to receive diamorphine twice a day in UK-first scheme.” n.d. Archived in UK Drug "
                + "Policy Evidence Archive, archived version 3f70daa, November 22, 2026. https://a.example/sources/m/.", CitationStyles.chicago(BYLINED));
        assertEquals("Busby, M. (no date) ‘Drug addicts to receive diamorphine twice a day in UK-first scheme’. Archived in UK Drug "
                + "Policy Evidence Archive, archived version 3f70daa, 22 November 2026. Available at: https://a.example/sources/m/.", CitationStyles.harvard(BYLINED));
        assertEquals("Mattha Busby, ‘Drug addicts to receive diamorphine twice a day in UK-first scheme’ (archived in UK Drug Policy "
                + "Evidence Archive, archived version 3f70daa, 22 November 2026) <https://a.example/sources/m/>", CitationStyles.oscola(BYLINED));
        assertEquals("Ann Lee and Bo Ng, ‘Deaths & costs: 100% up’ (The Example Times, 16 July 2019, archived in Archive, archived "
                + "version 3f70daa, 22 November 2026) <https://a.example/sources/k/>", CitationStyles.oscola(KNOWN));
        assertEquals("UK Drug Policy Evidence Archive, ‘On the letter’ (20 November 2026, archived version 1a2b3c4) <https://a.example/commentary/on/>",
                CitationStyles.oscola(OURS));
    }

    /** The date of the archive's version is not when anyone accessed the page: no style states an access date. */
    @Test
    void noStyleOrDownloadStatesAnAccessDate() throws Exception {
        for (Reference r : List.of(BYLINED, UNTITLED, OURS, KNOWN, KNOWN.atParagraph("2", "p2"))) {
            for (String c : List.of(CitationStyles.apa(r), CitationStyles.chicago(r), CitationStyles.harvard(r), CitationStyles.oscola(r))) {
                assertFalse(c.toLowerCase(java.util.Locale.ROOT).matches(".*(accessed|retrieved).*"), c);
            }
            assertFalse(Exports.bibtex(r).contains("urldate"), Exports.bibtex(r));
            assertFalse(Exports.ris(r).contains("Y2  -"), Exports.ris(r));
            assertFalse(new ObjectMapper().readTree(Exports.cslJson(r)).get(0).has("accessed"));
        }
    }

    @Test
    void pinpointsNameTheParagraphAndItsAnchor() {
        Reference p = BYLINED.atParagraph("4", "p4");
        assertTrue(CitationStyles.oscola(p).contains("[4] <https://a.example/sources/m/#p4>"), CitationStyles.oscola(p));
        assertTrue(CitationStyles.apa(p).contains("Para. 4."), CitationStyles.apa(p));
        assertTrue(CitationStyles.chicago(p).contains("Par. 4."), CitationStyles.chicago(p));
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
        assertEquals("https://times.example/a", item.get("archive_location").asText());
        JsonNode untitled = new ObjectMapper().readTree(Exports.cslJson(UNTITLED)).get(0);
        assertFalse(untitled.has("issued") || untitled.has("author") || untitled.has("container-title"));
        assertEquals("UK Drug Policy Evidence Archive", new ObjectMapper().readTree(Exports.cslJson(OURS)).get(0).get("author").get(0).get("literal").asText());
    }
}
