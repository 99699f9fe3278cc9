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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Live;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.publish.ContentTypes;
import org.evidencearchive.publish.SecurityHeaders;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code archive serve}: serves the built site on loopback, rebuilds when anything under content/, templates/,
 * assets/ or site-config/ changes, and reloads open pages. A broken edit shows its diagnostics in the browser
 * instead of stopping the server; fixing it recovers.
 */
public final class DevServer implements AutoCloseable {
    private static final String RELOAD_PATH = "/__archive/livereload.js";
    private static final String EVENTS_PATH = "/__archive/events";
    private static final String ERRORS_CSS_PATH = "/__archive/errors.css";
    /** The error page's own styles (a file, as the CSP allows no inline style), over the site's if it has one yet. */
    private static final String ERRORS_CSS = """
            body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5; }
            main { max-width: 60rem; margin: 0 auto; padding: 0 1rem 3rem; }
            .diagnostics { padding-left: 1.6rem; }
            .diagnostics li { margin: 0 0 1rem; padding: 0.6rem 0.9rem; border-left: 4px solid #b3261e;
                background: var(--card, #fdf1f0); color: var(--fg, #1b1b1b); border-radius: 0 6px 6px 0; }
            .diagnostics p { margin: 0.15rem 0; overflow-wrap: anywhere; }
            .diagnostics .where code { font-weight: 600; }
            .diagnostics .hint { font-style: italic; }
            """;
    private static final String RELOAD_JS = """
            // Live reload for archive serve: reload this page whenever a rebuild finishes.
            const events = new EventSource('/__archive/events');
            // The first message is the build this page came from; reload when a later one names another build
            // (also after the stream reconnects).
            let shown = null;
            events.onmessage = (e) => { if (shown === null) shown = e.data; else if (e.data !== shown) location.reload(); };
            """;

    private final Project project;
    private final HttpServer http;
    /** Requests are answered by at most this many threads; more requests wait in a queue. */
    public static final int REQUEST_THREADS = 16;
    /**
     * A request must arrive, and its answer start, within this many seconds, or the JDK's server closes its connection
     * (a browser on this machine sends a request at once; a slow or stalled client would hold a thread).
     */
    public static final int REQUEST_SECONDS = 5;
    /** At most this many open connections; more are closed as they come (idle ones are closed after REQUEST_SECONDS). */
    public static final int MAX_CONNECTIONS = 512;

    static {
        // The JDK's HTTP server reads these once, when it makes its first server; an explicit -D setting wins.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        }
        if (System.getProperty("jdk.httpserver.maxConnections") == null) {
            System.setProperty("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
        }
    }

    /**
     * A fixed number of threads with a bounded queue (no longer than the connections that can be open, so a request
     * is not turned away while a connection is free; were it full, the server would close the new connection).
     */
    private final ThreadPoolExecutor requests = new ThreadPoolExecutor(REQUEST_THREADS, REQUEST_THREADS, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_CONNECTIONS), daemon("archive-serve"), new ThreadPoolExecutor.AbortPolicy());
    /** Sends a comment to the live-reload streams now and then, so that a closed tab is noticed. */
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(daemon("archive-serve-keepalive"));
    private final Thread watching = daemon("archive-serve-watch").newThread(this::watch);
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
    private final ExecutorService finisher = Executors.newSingleThreadExecutor(daemon("archive-serve-finish"));

    private static ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name).daemon().factory();
    }

    /**
     * Takes {@code host:port} (port 0 picks a free port), builds once, then starts serving. The port is taken before
     * the build, so a busy port fails at once ({@link java.net.BindException}); an unknown host fails with
     * {@link UnknownHostException}.
     */
    public DevServer(Project project, String host, int port, Consumer<String> log) throws IOException {
        this(project, host, port, log, org.evidencearchive.pipeline.Progress.NONE);
    }

    /**
     * As {@link #DevServer(Project, String, int, Consumer)}, showing the first build's stages on {@code progress},
     * which is closed (its line erased) before the first build's summary is logged.
     */
    public DevServer(Project project, String host, int port, Consumer<String> log,
                     org.evidencearchive.pipeline.Progress progress) throws IOException {
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
            rebuild(progress); // requests wait in the listen queue meanwhile
            requests.allowCoreThreadTimeOut(true);
            http.setExecutor(requests);
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
        watching.start();
        keepAlive.scheduleWithFixedDelay(() -> broadcast(": keep-alive\n\n"), 15, 15, TimeUnit.SECONDS);
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

    private void rebuild() {
        rebuild(org.evidencearchive.pipeline.Progress.NONE);
    }

    private synchronized void rebuild(org.evidencearchive.pipeline.Progress progress) {
        long t0 = System.nanoTime();
        Builder.Result r;
        try (progress) {
            r = live.build(progress);
        }
        problems = r.diagnostics().sorted().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (problems.isEmpty()) {
            log.accept("serve: rebuilt " + r.pagesWritten() + " pages in " + ms + " ms");
        } else {
            log.accept("serve: " + problems.size() + " error(s); showing them in the browser");
            problems.forEach(d -> log.accept(d.format()));
        }
        generation.incrementAndGet();
        broadcast("data: " + generation.get() + "\n\n");
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

    /** Writes a message to every live-reload stream; a stream that cannot take it is closed. */
    private void broadcast(String message) {
        synchronized (listeners) {
            for (OutputStream out : listeners) {
                try {
                    out.write(message.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    listeners.remove(out);
                    try {
                        out.close();
                    } catch (IOException ignored) {
                        // the tab is gone
                    }
                }
            }
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        boolean stream = false;
        try {
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
                stream = true;
                return;
            }
            if (path.equals(ERRORS_CSS_PATH)) {
                send(ex, 200, "text/css; charset=utf-8", ERRORS_CSS.getBytes(StandardCharsets.UTF_8));
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
                sendPage(ex, 404, Files.isRegularFile(notFound) ? Files.readAllBytes(notFound)
                        : "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String type = ContentTypes.header(file.getFileName().toString());
            byte[] body = Files.readAllBytes(file);
            if (type.equals(HTML)) {
                sendPage(ex, 200, body);
            } else {
                send(ex, 200, type, body);
            }
        } finally {
            if (!stream) ex.close();
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
        synchronized (listeners) { // no rebuild's message between the first and the list
            out.write(("data: " + generation.get() + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            listeners.add(out);
        }
        // The stream stays open when the handler returns: it holds a connection, not a thread.
    }

    private static byte[] withReload(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8);
        String tag = "<script type=\"module\" src=\"" + RELOAD_PATH + "\"></script>";
        int at = s.lastIndexOf("</body>");
        s = at < 0 ? s + tag : s.substring(0, at) + tag + s.substring(at);
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends a page with the live-reload script; while the last build has errors, every page is the error page
     * (status 500) instead, and everything else (styles, scripts, data) is still that of the last good build.
     */
    private void sendPage(HttpExchange ex, int status, byte[] html) throws IOException {
        List<Diagnostic> now = problems;
        if (now.isEmpty()) {
            send(ex, status, HTML, withReload(html));
        } else {
            send(ex, 500, HTML, errorPage(now));
        }
    }

    /** The build-errors page: every error with its place, message and hint, as text; styled by the site's stylesheet. */
    public static byte[] errorPage(List<Diagnostic> errors) {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false);
        doc.selectFirst("html").attr("lang", "en");
        String title = errors.size() == 1 ? "The archive has 1 error" : "The archive has " + errors.size() + " errors";
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.head().appendElement("title").text(title + " · archive serve");
        doc.head().appendElement("link").attr("rel", "stylesheet").attr("href", "/css/site.css");
        doc.head().appendElement("link").attr("rel", "stylesheet").attr("href", ERRORS_CSS_PATH);
        doc.body().appendElement("header").addClass("site-header")
                .appendElement("div").addClass("wrap").appendElement("p").addClass("site-title").text("archive serve");
        Element main = doc.body().appendElement("main").attr("id", "main").addClass("wrap");
        main.appendElement("h1").text(title);
        main.appendElement("p").addClass("lede").text("The pages were not rebuilt. Fix these and save: this page reloads by"
                + " itself. Styles, scripts and data are those of the last good build.");
        Element list = main.appendElement("ol").addClass("diagnostics");
        for (Diagnostic d : errors) {
            Element item = list.appendElement("li");
            item.appendElement("p").addClass("where").appendElement("code").text(d.location());
            item.appendElement("p").addClass("message").text(d.message());
            if (!d.hint().isEmpty()) item.appendElement("p").addClass("hint").text("hint: " + d.hint());
        }
        doc.body().appendElement("script").attr("type", "module").attr("src", RELOAD_PATH);
        return ("<!DOCTYPE html>" + doc.outerHtml()).getBytes(StandardCharsets.UTF_8);
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

    private static final String HTML = ContentTypes.header("index.html");

    @Override
    public void close() throws IOException {
        http.stop(0);
        watcher.close();
        requests.shutdownNow();
        keepAlive.shutdownNow();
        watching.interrupt();
        finisher.shutdownNow();
        try { // a rebuild or a background update under way finishes writing before the server is gone
            watching.join(60_000);
            finisher.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
