package org.evidencearchive.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.evidencearchive.build.Builder;
import org.evidencearchive.build.Live;
import org.evidencearchive.build.Project;
import org.evidencearchive.check.Diagnostic;

/**
 * {@code archive serve}: serves the built site on loopback, rebuilds when anything under content/, templates/,
 * assets/ or site-config/ changes, and reloads open pages. A broken edit shows its diagnostics in the browser
 * instead of stopping the server; fixing it recovers.
 */
public final class DevServer implements AutoCloseable {
    private static final String RELOAD_PATH = "/__archive/livereload.js";
    private static final String EVENTS_PATH = "/__archive/events";
    private static final String RELOAD_JS = """
            // Live reload for archive serve: reload this page whenever a rebuild finishes.
            const events = new EventSource('/__archive/events');
            let first = true;
            events.onmessage = () => { if (first) { first = false; return; } location.reload(); };
            """;

    private final Project project;
    private final HttpServer http;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "archive-serve");
        t.setDaemon(true);
        return t;
    });
    private final WatchService watcher;
    private final AtomicLong generation = new AtomicLong();
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<String> log;
    private volatile List<Diagnostic> problems = List.of();
    private final Live live;
    /** Brings the data exports and the search index up to date after pages are visible (one at a time). */
    private final ExecutorService finisher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "archive-serve-finish");
        t.setDaemon(true);
        return t;
    });

    /** Builds once, then starts serving on {@code host:port} (port 0 picks a free port). */
    public DevServer(Project project, String host, int port, Consumer<String> log) throws IOException {
        this.project = project;
        this.log = log;
        this.live = new Live(project);
        rebuild();
        this.http = HttpServer.create(new InetSocketAddress(host, port), 0);
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        this.watcher = FileSystems.getDefault().newWatchService();
        for (Path dir : List.of(project.content(), project.templates(), project.assets(), project.siteConfig())) {
            registerTree(dir);
        }
        http.start();
        pool.submit(this::watch);
    }

    /** Returns the port the server listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Returns how many builds have finished (successful or not). */
    public long generation() {
        return generation.get();
    }

    private void registerTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            // Links below dir are not followed: a linked folder may lie outside the project (content/ reads none).
            for (Path d : s.filter(p -> p.equals(dir) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                // Let a burst of saves settle, then rebuild once.
                Thread.sleep(30);
                Set<Path> changed = new java.util.TreeSet<>();
                do {
                    for (var event : key.pollEvents()) {
                        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                            changed.add(project.root()); // events were lost: rebuild everything
                        } else if (event.context() instanceof Path p && key.watchable() instanceof Path parent) {
                            changed.add(parent.resolve(p));
                            if (Files.isDirectory(parent.resolve(p), LinkOption.NOFOLLOW_LINKS)) registerTree(parent.resolve(p));
                        }
                    }
                    key.reset();
                    key = watcher.poll(20, TimeUnit.MILLISECONDS);
                } while (key != null);
                live.changed(changed);
                rebuild();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Stopping.
        } catch (IOException e) {
            log.accept("serve: watching stopped: " + e.getMessage());
        }
    }

    private synchronized void rebuild() {
        long t0 = System.nanoTime();
        Builder.Result r = live.build();
        problems = r.diagnostics().sorted().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (problems.isEmpty()) {
            log.accept("serve: rebuilt " + r.pagesWritten() + " pages in " + ms + " ms");
        } else {
            log.accept("serve: " + problems.size() + " error(s); showing them in the browser");
            problems.forEach(d -> log.accept(d.format()));
        }
        generation.incrementAndGet();
        for (OutputStream out : listeners) {
            try {
                out.write(("data: " + generation.get() + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                listeners.remove(out);
            }
        }
        if (live.behind()) finisher.submit(this::finish);
    }

    /** Brings the data exports and the search index up to date; a newer build makes this one give way. */
    private void finish() {
        if (!live.behind()) return;
        long t0 = System.nanoTime();
        org.evidencearchive.check.Diagnostics d;
        try {
            d = live.finish();
        } catch (RuntimeException | OutOfMemoryError e) {
            log.accept("serve: the search index and data exports could not be updated: " + e
                    + (e instanceof OutOfMemoryError ? " (raise the heap with ARCHIVE_JAVA_OPTS=-Xmx…)" : ""));
            return;
        }
        if (d.hasErrors()) {
            d.sorted().forEach(x -> log.accept(x.format()));
        } else if (!live.behind()) {
            log.accept("serve: search index and data exports updated in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
        finished.incrementAndGet();
    }

    private final AtomicLong finished = new AtomicLong();

    /** Returns how many times the search index and data exports were brought up to date (for tests). */
    public long finished() {
        return finished.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals(RELOAD_PATH)) {
                send(ex, 200, "text/javascript; charset=utf-8", RELOAD_JS.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals(EVENTS_PATH)) {
                events(ex);
                return;
            }
            if (!problems.isEmpty()) {
                send(ex, 500, "text/html; charset=utf-8", errorPage().getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path site = project.out();
            Path file = site.resolve(path.substring(1)).normalize();
            if (!file.startsWith(site)) {
                send(ex, 403, "text/plain; charset=utf-8", "forbidden".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    ex.getResponseHeaders().set("Location", path + "/");
                    send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                Path notFound = site.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? withReload(Files.readAllBytes(notFound)) : "not found".getBytes();
                send(ex, 404, "text/html; charset=utf-8", body);
                return;
            }
            String type = contentType(file.getFileName().toString());
            byte[] body = Files.readAllBytes(file);
            send(ex, 200, type, type.startsWith("text/html") ? withReload(body) : body);
        }
    }

    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write(("data: " + generation.get() + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        listeners.add(out);
        try {
            while (listeners.contains(out)) {
                Thread.sleep(15_000);
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            listeners.remove(out);
        }
    }

    private static byte[] withReload(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8);
        String tag = "<script type=\"module\" src=\"" + RELOAD_PATH + "\"></script>";
        int at = s.lastIndexOf("</body>");
        s = at < 0 ? s + tag : s.substring(0, at) + tag + s.substring(at);
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String errorPage() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Build errors</title></head><body><main><h1>The archive has errors</h1>"
                + "<p>The site was not rebuilt. Fix these and save; this page reloads by itself.</p><ol>");
        for (Diagnostic d : problems) {
            out.append("<li><pre>").append(escape(d.format())).append("</pre></li>");
        }
        out.append("</ol></main><script type=\"module\" src=\"").append(RELOAD_PATH).append("\"></script></body></html>");
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
    }

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8",
            "json", "application/json", "jsonld", "application/ld+json", "xml", "application/xml",
            "txt", "text/plain; charset=utf-8", "svg", "image/svg+xml", "png", "image/png");

    private static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        return TYPES.getOrDefault(dot < 0 ? "" : name.substring(dot + 1), "application/octet-stream");
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        watcher.close();
        pool.shutdownNow();
        finisher.shutdownNow();
    }
}
