package org.evidencearchive.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLType;
import de.undercouch.citeproc.ris.RISConverter;
import de.undercouch.citeproc.ris.RISParser;
import de.undercouch.citeproc.ris.RISReference;
import de.undercouch.citeproc.ris.RISType;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three downloads of one item, read back by real readers (jbibtex for BibTeX; citeproc-java's RIS reader), say
 * the same thing: one type, the same title, authors, outlet, date, URL and note as the CSL-JSON.
 */
class ImportTest {
    static List<Reference> references() {
        return List.of(ReferenceTest.BYLINED, ReferenceTest.UNTITLED, ReferenceTest.OURS, ReferenceTest.KNOWN);
    }

    private static String field(BibTeXEntry e, String name) throws Exception {
        var v = e.getField(new Key(name));
        if (v == null) return null;
        String latex = v.toUserString();
        return new LaTeXPrinter().print(new LaTeXParser().parse(latex)).strip();
    }

    @ParameterizedTest
    @MethodSource("references")
    void theThreeDownloadsReadBackAsOneItem(Reference r) throws Exception {
        JsonNode csl = new ObjectMapper().readTree(Exports.cslJson(r)).get(0);
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(Exports.bibtex(r)));
        assertEquals(1, db.getEntries().size());
        BibTeXEntry bib = db.getEntries().values().iterator().next();
        var parsed = new RISParser().parse(new StringReader(new String(Exports.ris(r).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
        assertEquals(1, parsed.getReferences().size());
        RISReference ris = parsed.getReferences().get(0);
        // citeproc-java's converter, as a second reader of the type (it reads the outlet from JO and no dates, so
        // only its type is compared)
        CSLItemData converted = new RISConverter().toItemData(parsed).values().iterator().next();

        // one type in all three: a newspaper article, or a web page
        boolean news = r.type() == Reference.Type.NEWSPAPER_ARTICLE;
        assertEquals(news ? "article-newspaper" : "webpage", csl.get("type").asText());
        // ELEC is Zotero's RIS type for a web page; citeproc-java's reader makes it a plain "article" (and reads no T2)
        assertTrue(Exports.ris(r).startsWith(news ? "TY  - NEWS\r\n" : "TY  - ELEC\r\n"));
        assertEquals(news ? RISType.NEWS : RISType.ELEC, ris.getType());
        if (news) assertEquals(CSLType.ARTICLE_NEWSPAPER, converted.getType());
        assertEquals(news ? "article" : "online", bib.getType().getValue());
        assertEquals(news ? "newspaper" : null, field(bib, "entrysubtype"));

        // the same title (protected in BibTeX: the outer braces keep its capitals), outlet, date, URL and note
        assertEquals(csl.get("title").asText(), ris.getTitle());
        assertTrue(bib.getField(BibTeXEntry.KEY_TITLE).toUserString().startsWith("{"), "brace-protected title");
        assertEquals(csl.get("title").asText(), field(bib, "title"));
        assertEquals(csl.path("container-title").asText(null), ris.getSecondaryTitle());
        assertEquals(csl.path("container-title").asText(null), field(bib, "journal"));
        assertEquals(csl.get("URL").asText(), ris.getURL());
        assertEquals(csl.get("URL").asText(), field(bib, "url"));
        assertEquals(csl.path("note").asText(null), ris.getNotes() == null ? null : String.join("; ", ris.getNotes()));
        assertEquals(csl.path("note").asText(null), field(bib, "note"));
        assertFalse(csl.path("note").asText("").contains("unknown"), "nothing unknown is printed");
        if (csl.has("issued")) {
            assertEquals(csl.get("issued").get("date-parts").get(0).get(0).asText(), ris.getYear());
            assertTrue(ris.getDate().startsWith(ris.getYear()), ris.getDate());
            assertEquals(csl.get("issued").get("date-parts").get(0).get(0).asText(), field(bib, "year"));
        } else {
            assertNull(ris.getYear());
            assertNull(ris.getDate());
            assertNull(field(bib, "year"));
        }
        // the same authors, in order ("Family, Given" in RIS)
        int authors = csl.path("author").size();
        assertEquals(authors, ris.getAuthors() == null ? 0 : ris.getAuthors().length);
        for (int i = 0; i < authors; i++) {
            JsonNode a = csl.get("author").get(i);
            assertEquals(a.has("family") ? a.get("family").asText() + ", " + a.get("given").asText() : a.get("literal").asText(), ris.getAuthors()[i]);
        }
        // no access date anywhere: the archive's version date is not the reader's
        assertFalse(csl.has("accessed"));
        assertNull(ris.getAccessDate());
        assertNull(field(bib, "urldate"));
    }
}
