package org.evidencearchive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.evidencearchive.check.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The licence and rights settings: the real site's, and a licence the site does not know. */
class SiteConfigTest {
    @TempDir
    Path dir;

    @Test
    void theRealSiteLicensesItsOwnWorkUnderCcBy4AndSaysTheArchivedTextsAreNotItsOwn() {
        Diagnostics d = new Diagnostics();
        SiteConfig site = SiteConfig.read(Path.of("site-config/site.yaml"), "site-config/site.yaml", d);
        assertEquals(0L, d.errorCount());
        assertEquals("CC-BY-4.0", site.license().spdx());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", site.license().url());
        assertTrue(site.rights().contains("remain their authors' and publishers'") && site.rights().contains("not under the archive's licence"), site.rights());
        assertTrue(site.rights().contains("withdraw"), "says how an owner has a text removed");
    }

    @Test
    void anUnknownLicenceIsAnErrorAtItsLineWithTheKnownOnes() throws IOException {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, "title: T\n# a comment\nlicense: CC-BY-5.0\n");
        Diagnostics d = new Diagnostics();
        SiteConfig.read(file, "site-config/site.yaml", d);
        assertEquals(1L, d.errorCount());
        String report = d.sorted().get(0).format();
        assertTrue(report.startsWith("site-config/site.yaml:3"), report);
        assertTrue(report.contains("unknown licence 'CC-BY-5.0'") && report.contains("CC-BY-4.0"), report);
    }
}
