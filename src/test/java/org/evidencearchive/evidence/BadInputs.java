package org.evidencearchive.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.pipeline.Builder;

/** The assertion every evidence bad input makes: check and build each report exactly one error, at its file and line, with a hint. */
final class BadInputs {
    private BadInputs() {}

    static void assertOneError(Builder builder, String path, int line, String message) {
        for (Builder.Result r : List.of(builder.check(), builder.build())) {
            List<Diagnostic> ds = r.diagnostics().sorted();
            assertEquals(1, ds.size(), () -> String.join("\n", ds.stream().map(Diagnostic::format).toList()));
            Diagnostic d = ds.get(0);
            assertTrue(d.file().replace('\\', '/').endsWith("content/" + path), d.file());
            assertEquals(line, d.line(), d::format);
            assertTrue(d.message().startsWith(message), d.message());
            assertTrue(d.hint() != null && !d.hint().isBlank(), d::format);
            assertFalse(d.format().contains("Exception"), d.format());
        }
    }
}
