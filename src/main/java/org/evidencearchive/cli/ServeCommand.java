package org.evidencearchive.cli;

import java.util.concurrent.Callable;

import org.evidencearchive.serve.DevServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archive serve}: the preview server with live reload. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the site on http://127.0.0.1:8000/, rebuild on every change and reload open pages.")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Main.Common common = new Main.Common();
    @Option(names = "--port", description = "Port (default 8000; 0 picks a free one).", defaultValue = "8000")
    int port;
    @Option(names = "--bind", description = "Address to listen on (default 127.0.0.1: this machine only; any other"
            + " makes the preview reachable from the network).",
            defaultValue = "127.0.0.1")
    String bind;
    @Option(names = {"-q", "--quiet"}, description = "No progress line while the first build runs.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        try (DevServer server = new DevServer(common.project(), bind, port, System.err::println,
                org.evidencearchive.pipeline.Progress.forTerminal(System.err, quiet))) {
            System.err.println("serving http://" + bind + ":" + server.port() + "/ — Ctrl-C to stop");
            Thread.currentThread().join();
        } catch (java.net.BindException e) {
            String why = String.valueOf(e.getMessage());
            System.err.println(why.contains("in use")
                    ? "archive serve: port " + port + " on " + bind + " is already in use; hint: stop what uses it, or"
                            + " choose another port with --port N (--port 0 picks a free one)"
                    : "archive serve: cannot listen on " + bind + ":" + port + ": " + why + "; hint: --bind takes an"
                            + " address of this machine, such as 127.0.0.1");
            return Main.USAGE;
        } catch (java.net.UnknownHostException e) {
            System.err.println("archive serve: cannot listen on " + bind + ": no such address; hint: --bind takes an"
                    + " address of this machine, such as 127.0.0.1");
            return Main.USAGE;
        }
        return 0;
    }
}
