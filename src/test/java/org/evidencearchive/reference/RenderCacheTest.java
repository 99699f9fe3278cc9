package org.evidencearchive.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link RenderCache} keeps, under which key, and for which build. */
class RenderCacheTest {
    private static final String ITEM = record(Map.of("id", "a", "type", "webpage", "title", "On the letter"));
    private static final CitationStyles.Style APA = CitationStyles.Style.APA;

    @Test
    void aKeyChangesWithEverythingTheHtmlDependsOn(@TempDir Path dir) {
        RenderCache c = RenderCache.open(dir.resolve("c"), "tool 1");
        String key = c.key(APA, "en-GB", null, ITEM);
        assertEquals(key, c.key(APA, "en-GB", null, record(Map.of("id", "a", "type", "webpage", "title", "On the letter"))));
        assertNotEquals(key, c.key(CitationStyles.Style.HARVARD, "en-GB", null, ITEM));
        assertNotEquals(key, c.key(APA, "en-US", null, ITEM));
        assertNotEquals(key, c.key(APA, "en-GB", "4", ITEM));
        assertNotEquals(key, c.key(APA, "en-GB", null, record(Map.of("id", "a", "type", "webpage", "title", "On the letters"))));
        assertNotEquals(key, RenderCache.open(dir.resolve("c"), "tool 2").key(APA, "en-GB", null, ITEM));
    }

    @Test
    void keepsWhatABuildUsedForTheNextBuildOfTheSameCode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cache/cite-this.bin");
        String used = saveOne(file, null, "<i>On the letter</i>\n");

        RenderCache second = RenderCache.open(file, "tool 1");
        assertEquals("<i>On the letter</i>\n", second.get(used));
        String other = second.key(APA, "en-GB", "4", ITEM);
        second.put(other, "para 4");
        second.save();

        RenderCache third = RenderCache.open(file, "tool 1");
        assertEquals("para 4", third.get(other));
        assertEquals("<i>On the letter</i>\n", third.get(used));
        third.save(); // used only "other" and "used": both stay

        RenderCache unused = RenderCache.open(file, "tool 1");
        unused.get(other);
        unused.save(); // an entry no build used any more goes
        assertNull(RenderCache.open(file, "tool 1").get(used));

        assertNull(RenderCache.open(file, "tool 2").get(other), "another build of the code renders again");
    }

    @Test
    void aDamagedFileIsAnEmptyCache(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c");
        String key = saveOne(file, null, "x");
        byte[] b = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(b, b.length - 1));
        assertNull(RenderCache.open(file, "tool 1").get(key));
    }

    /** A build of "tool 1" that rendered one item (its pinpoint if a paragraph is given): returns its key. */
    private static String saveOne(Path file, String paragraph, String html) throws Exception {
        RenderCache c = RenderCache.open(file, "tool 1");
        String key = c.key(APA, "en-GB", paragraph, ITEM);
        c.put(key, html);
        c.save();
        return key;
    }

    /** An item's record as the cache's keys take it. */
    private static String record(Map<String, Object> item) {
        return org.evidencearchive.export.Json.compact(item);
    }
}
