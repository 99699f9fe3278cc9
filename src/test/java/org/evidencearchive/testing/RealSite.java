package org.evidencearchive.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;

/** The real archive built once per test run, shared by the tests that read the built site. */
public final class RealSite {
    private static Builder.Result result;
    private static Path out;

    private RealSite() {}

    /** Returns the build result (building on first use). */
    public static synchronized Builder.Result result() {
        if (result == null) {
            try {
                out = Files.createTempDirectory("real-site-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            result = new Builder(Project.at(TempArchive.repo()).withOut(out)).build();
        }
        return result;
    }

    /** Returns the folder holding the built site. */
    public static Path out() {
        result();
        return out;
    }
}
