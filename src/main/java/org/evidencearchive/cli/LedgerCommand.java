package org.evidencearchive.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.evidencearchive.pipeline.Builder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code archive ledger}: builds, then records published URLs, new texts' checksums and new items' persistent identifiers. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Build, then record every published URL, new archived texts' checksums and (with the identifiers setting)"
                + " new items' persistent identifiers in site-config/.")
final class LedgerCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Main.Common common = new Main.Common();

    @Override
    public Integer call() throws IOException {
        Builder.Result r = new Builder(common.project()).updateLedger();
        int code = Main.report(r.diagnostics(), "text");
        if (code == 0) System.err.println("ledger: " + r.urls().size() + " published URLs recorded in site-config/");
        return code;
    }
}
