package org.evidencearchive.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.evidencearchive.build.Builder;
import org.evidencearchive.build.Live;
import org.evidencearchive.build.Project;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.publish.SecurityHeaders;

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
    /** The address given to {@code --bind}, as given (lower case), and as bound. */
    private final String bindName;
    private final InetAddress bound;
    private volatile List<Diagnostic> problems = List.of();
    private final Live live;
    /** Brings the data exports and the search index up to date after pages are visible (one at a time). */
    private final ExecutorService finisher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "archive-serve-finish");
        t.setDaemon(true);
        return t;
    });

    /**
     * Takes {@code host:port} (port 0 picks a free port), builds once, then starts serving. The port is taken before
     * the build, so a busy port fails at once ({@link java.net.BindException}); an unknown host fails with
     * {@link UnknownHostException}.
     */
    public DevServer(Project project, String host, int port, Consumer<String> log) throws IOException {
        this.project = project;
        this.log = log;
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) throw new UnknownHostException(host);
        this.http = HttpServer.create(address, 0);
        try {
            this.bindName = host.toLowerCase(Locale.ROOT);
            this.bound = address.getAddress();
            if (!bound.isLoopbackAddress()) {
                log.accept("serve: warning: listening on " + host + ":" + port() + ", so the preview is reachable from the network,"
                        + " not only from this machine (without --bind it listens on 127.0.0.1)");
            }
            this.live = new Live(project);
            rebuild(); // requests wait in the listen queue meanwhile
            http.setExecutor(pool);
            http.createContext("/", this::handle);
            this.watcher = FileSystems.getDefault().newWatchService();
            for (Path dir : List.of(project.content(), project.templates(), project.assets(), project.siteConfig())) {
                registerTree(dir);
            }
            http.start();
        } catch (IOException | RuntimeException | Error e) {
            http.stop(0);
            throw e;
        }
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
            for (Path d : s.filter(Files::isDirectory).toList()) {
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
                            if (Files.isDirectory(parent.resolve(p))) registerTree(parent.resolve(p));
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
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8",
                        ("archive serve answers GET and HEAD only, not " + method + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            String host = ex.getRequestHeaders().getFirst("Host");
            if (!hostAllowed(host)) {
                send(ex, 403, "text/plain; charset=utf-8", ("archive serve: refused a request for host '" + host
                        + "': only localhost, the loopback addresses and the --bind address on port " + port()
                        + " are served (a guard against DNS rebinding); open http://127.0.0.1:" + port() + "/\n")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
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

    /**
     * Whether a request's {@code Host} names this server: {@code localhost}, a loopback address, the {@code --bind}
     * address (or, bound to every interface, an address of this machine), with the served port. A page of another
     * site whose name was made to resolve to this machine (DNS rebinding) names that site, and is refused.
     */
    boolean hostAllowed(String header) {
        if (header == null) return false;
        String h = header.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        String name = colon > h.lastIndexOf(']') ? h.substring(0, colon) : h;
        String port = colon > h.lastIndexOf(']') ? h.substring(colon + 1) : "80";
        if (!port.equals(Integer.toString(port()))) return false;
        if (name.equals("localhost") || name.equals(bindName)) return true;
        InetAddress literal = ipLiteral(name);
        if (literal == null) return false;
        try {
            return literal.isLoopbackAddress() || literal.equals(bound)
                    || (bound.isAnyLocalAddress() && NetworkInterface.getByInetAddress(literal) != null);
        } catch (SocketException e) {
            return false;
        }
    }

    /** The address an IP literal ({@code 127.0.0.1}, {@code [::1]}) names, or null for anything else; never a DNS lookup. */
    private static InetAddress ipLiteral(String name) {
        try {
            if (name.length() > 2 && name.startsWith("[") && name.endsWith("]")) {
                return InetAddress.getByName(name); // bracketed: parsed as an IPv6 literal or refused, never looked up
            }
            String[] parts = name.split("\\.", -1);
            if (parts.length != 4) return null;
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) return null;
                bytes[i] = (byte) Integer.parseInt(parts[i]);
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private void events(HttpExchange ex) throws IOException {
        SecurityHeaders.HEADERS.forEach(ex.getResponseHeaders()::set);
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

    /** Sends a response with the site's security headers (those of {@code _headers}); a HEAD request gets no body. */
    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        Headers headers = ex.getResponseHeaders();
        SecurityHeaders.HEADERS.forEach(headers::set);
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        if (ex.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
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
