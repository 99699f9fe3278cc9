package org.evidencearchive.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.check.Diagnostics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a content folder into a {@link Corpus}, reporting every problem of every file. */
public final class ContentParser {
    /** Files larger than this are refused: a content file this big is almost surely a mistake. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private final Path root;
    private final Path displayBase;
    private final Diagnostics diagnostics;
    private final Session session;
    /** Every file is listed and read through here: no symbolic link leading outside the folder is followed. */
    private final ContentTree tree;
    /** The ids of the sources whose texts are published (in the fixity ledger). */
    private final Set<String> publishedTexts;
    /** Makes each kind of item from a file's fields. */
    private final ItemReader items;

    /** Creates a parser for the content folder {@code root}; paths are shown relative to {@code displayBase}. */
    public ContentParser(Path root, Path displayBase, Diagnostics diagnostics) {
        this(root, displayBase, diagnostics, null);
    }

    /** Creates a parser that re-uses what a {@link Session} kept of the files that have not changed since. */
    public ContentParser(Path root, Path displayBase, Diagnostics diagnostics, Session session) {
        this(root, displayBase, diagnostics, session, Set.of());
    }

    /**
     * Creates a parser that knows which sources' texts are published ({@code published}: their ids, from the
     * fixity ledger): a published text that no longer matches its checksum is never told its new checksum.
     */
    public ContentParser(Path root, Path displayBase, Diagnostics diagnostics, Session session, Set<String> published) {
        this(root.toAbsolutePath().normalize(), displayBase, diagnostics, session, null, Set.copyOf(published));
    }

    private ContentParser(Path root, Path displayBase, Diagnostics diagnostics, Session session, ContentTree tree,
                          Set<String> published) {
        this.root = root;
        this.displayBase = displayBase.toAbsolutePath().normalize();
        this.diagnostics = diagnostics;
        this.session = session;
        this.tree = tree != null ? tree : new ContentTree(root);
        this.publishedTexts = published;
        this.items = new ItemReader(this, this.root, this.diagnostics, this.tree, published);
    }

    /**
     * What parsing found, kept between parses for {@code archive serve}: each folder's files and each file's
     * item and diagnostics. After {@link #changed} names the paths that changed, the next parse re-reads only
     * those (an archived text re-parses the source that names it); a folder created or removed, or a change
     * it cannot place, makes the next parse read everything. An unchanged file's item is the same object as
     * before, which lets linking re-use its work.
     */
    public static final class Session {
        private final Map<String, Folder> folders = new java.util.HashMap<>();
        private boolean everything = true;
        private final Set<Path> dirty = new java.util.HashSet<>();
        /** Folders holding a changed file that is neither Markdown nor an archived text. */
        private final Set<Path> relist = new java.util.HashSet<>();
        /** The published sources the last parse knew of: when they change, every file is read again. */
        private Set<String> published = Set.of();

        /** One folder's Markdown files (sorted), what it warned about, and each file's parse. */
        private static final class Folder {
            final java.util.TreeSet<Path> markdown = new java.util.TreeSet<>();
            final List<Diagnostic> warnings = new ArrayList<>();
            final Map<Path, Parsed<?>> parsed = new java.util.HashMap<>();
            /** The folder's last result: its items in id order, and every diagnostic and broken id in file order. */
            List<? extends Item> items;
            final List<Diagnostic> found = new ArrayList<>();
            final List<String> broken = new ArrayList<>();
            final List<Corpus.Loose> loose = new ArrayList<>();
        }

        /** Notes paths (absolute or relative to the working folder) that were created, changed or deleted. */
        public synchronized void changed(java.util.Collection<Path> paths) {
            for (Path raw : paths) {
                Path p = raw.toAbsolutePath().normalize();
                String name = p.getFileName() == null ? "" : p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    everything = true;
                } else if (name.endsWith(".md") || name.endsWith(".txt")) {
                    dirty.add(p);
                } else if (!name.startsWith(".")) {
                    relist.add(p.getParent()); // another kind of file (an editor's backup): warnings may change
                }
            }
        }

        /** Forgets everything: the next parse reads every file. */
        public synchronized void reset() {
            everything = true;
        }
    }

    /** Parses every item under the content folder. */
    public Corpus parse() {
        if (session == null) return parseFolders();
        synchronized (session) {
            if (!session.published.equals(publishedTexts)) {
                session.everything = true; // a source's checksum hint depends on whether its text is published
                session.published = publishedTexts;
            }
            try {
                return parseFolders();
            } finally {
                session.everything = false;
                session.dirty.clear();
                session.relist.clear();
            }
        }
    }

    private Corpus parseFolders() {
        if (session != null && !Files.isDirectory(root)) session.everything = true;
        if (!Files.isDirectory(root)) {
            diagnostics.error(display(root), 0, "content folder not found", "pass --content DIR or run from the archive's root");
            return new Corpus(List.of(), List.of(), List.of(), List.of(), List.of(), Set.of(), List.of(), Measures.NONE);
        }
        unknownFolders();
        return new Corpus(
                parseAll("sources", "source", (p, ff) -> p.items.source(ff)),
                parseAll("commentary", "commentary", (p, ff) -> p.items.commentary(ff)),
                parseAll("claims", "claim", (p, ff) -> p.items.claim(ff)),
                parseAll("topics", "topic", (p, ff) -> p.items.topic(ff)),
                parseAll("people", "person", (p, ff) -> p.items.person(ff)),
                Set.copyOf(unparsed), List.copyOf(loose),
                Measures.read(tree, root, display(root.resolve(Measures.FILE)), diagnostics));
    }

    /** The folders of the content folder, one per kind of item (in the order of {@link Kind}). */
    public static final List<String> FOLDERS = List.of("sources", "commentary", "claims", "topics", "people");

    /** Reports every folder of the content folder that is none of {@link #FOLDERS}: nothing in it would be read. */
    private void unknownFolders() {
        List<Path> entries;
        try (var s = Files.list(root)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.startsWith(".") || FOLDERS.contains(name) || !Files.isDirectory(p)) continue;
            diagnostics.error(display(p), 0, "unknown folder '" + name + "': nothing in it would be published",
                    org.evidencearchive.check.Suggestions.didYouMean(name, FOLDERS, "folders")
                            + " (items go in " + String.join("/, ", FOLDERS) + "/)");
        }
    }

    /** Returns a path as the editor knows it. */
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(displayBase) ? displayBase.relativize(abs).toString() : abs.toString();
    }

    private static final java.util.regex.Pattern ID_LINE = java.util.regex.Pattern.compile("(?m)^id:\\s*['\"]?([a-z0-9-]+)['\"]?\\s*(#.*)?$");
    private final Set<String> unparsed = new java.util.TreeSet<>();
    private final List<Corpus.Loose> loose = new ArrayList<>();
    /** The citations read from this file's front matter (a parser per file). */
    final List<CitationRef> cited = new ArrayList<>();

    /**
     * One file's item (null when it has errors that prevent one), what was found in it, and the "kind:id" it
     * declares when it is broken.
     */
    private record Parsed<T>(Path file, T item, List<Diagnostic> diagnostics, String broken, Corpus.Loose loose) {}

    /** Parses a folder's files in parallel, each into its own diagnostics, merged in file order. */
    private <T extends Item> List<T> parseAll(String folder, String kind, BiFunction<ContentParser, FileFields, T> make) {
        Path dir = root.resolve(folder);
        Session.Folder known = session == null ? null : session.folders.get(folder);
        if (known == null || session.everything) {
            known = list(folder, dir);
            if (session != null) session.folders.put(folder, known);
        } else {
            boolean relist = session.relist.stream().anyMatch(p -> p.startsWith(dir));
            if (known.items != null && !relist && session.dirty.stream().noneMatch(p -> p.startsWith(dir))) {
                known.found.forEach(diagnostics::add); // nothing here changed
                unparsed.addAll(known.broken);
                loose.addAll(known.loose);
                @SuppressWarnings("unchecked")
                List<T> same = (List<T>) known.items;
                return same;
            }
            if (relist) { // files listed anew; the parses of those still there are kept
                Session.Folder fresh = list(folder, dir);
                for (Path f : fresh.markdown) if (known.parsed.containsKey(f)) fresh.parsed.put(f, known.parsed.get(f));
                known = fresh;
                session.folders.put(folder, known);
            }
            for (Path p : session.dirty) { // created or deleted Markdown files; texts re-parse the source naming them
                if (!p.startsWith(dir)) continue;
                if (p.getFileName().toString().endsWith(".md")) {
                    if (Files.isRegularFile(p)) known.markdown.add(p);
                    else known.markdown.remove(p);
                    known.parsed.remove(p);
                } else {
                    known.parsed.values().removeIf(x -> x.item() == null || x.item() instanceof Source s && s.texts().contains(p));
                }
            }
        }
        known.warnings.forEach(diagnostics::add);
        Session.Folder folderState = known;
        @SuppressWarnings("unchecked")
        List<Parsed<T>> parsed = known.markdown.parallelStream().map(f -> {
            Parsed<?> kept = folderState.parsed.get(f);
            if (kept != null) return (Parsed<T>) kept;
            ContentParser one = new ContentParser(root, displayBase, new Diagnostics(), null, tree, publishedTexts);
            Optional<ContentFile> file = one.read(f);
            T item = file.flatMap(one::frontMatter).map(ff -> {
                T made = make.apply(one, ff);
                ff.fields.finish();
                return made;
            }).orElse(null);
            Corpus.Loose unmade = item == null ? file.map(cf -> new Corpus.Loose(cf.body(), List.copyOf(one.cited))).orElse(null) : null;
            return new Parsed<>(f, item, one.diagnostics.sorted(), one.diagnostics.hasErrors() ? one.broken(f, kind) : null, unmade);
        }).toList();
        List<T> out = new ArrayList<>();
        known.found.clear();
        known.broken.clear();
        known.loose.clear();
        known.found.addAll(known.warnings);
        for (Parsed<T> p : parsed) {
            if (session != null) known.parsed.put(p.file(), p);
            p.diagnostics().forEach(diagnostics::add);
            known.found.addAll(p.diagnostics());
            if (p.item() != null) out.add(p.item());
            if (p.loose() != null) {
                loose.add(p.loose());
                known.loose.add(p.loose());
            }
            if (p.broken() != null) {
                unparsed.add(p.broken());
                known.broken.add(p.broken());
            }
        }
        out.sort(Comparator.comparing(Item::id));
        List<T> items = List.copyOf(out);
        known.items = items;
        return items;
    }

    /**
     * Lists a folder's Markdown files, warning about anything else in it; a symbolic link to a folder outside
     * the content folder (or one that loops) is an error at the link, and nothing under it is read.
     */
    private Session.Folder list(String folder, Path dir) {
        Session.Folder f = new Session.Folder();
        if (!Files.isDirectory(dir)) return f;
        ContentTree.Listing listing;
        try {
            listing = tree.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Diagnostics warnings = new Diagnostics();
        List<Path> files = new ArrayList<>(listing.files());
        for (Path link : listing.outside()) {
            if (Files.isDirectory(link)) linkOutside(link, warnings);
            else files.add(link); // reported where it would be read: its own parse, or its source's
        }
        for (Path loop : listing.loops()) {
            warnings.error(display(loop), 0, "symbolic link loops back to a folder above it",
                    "replace the link with the files themselves");
        }
        files.sort(null);
        for (Path p : files) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) continue;
            if (name.endsWith(".md")) {
                f.markdown.add(p);
            } else if (!(folder.equals("sources") && name.endsWith(".txt"))) {
                warnings.warning(display(p), 0, "ignored: not a Markdown (.md) file", "rename it to .md or move it out of content/");
            }
        }
        f.warnings.addAll(warnings.sorted());
        return f;
    }

    /**
     * Reports a symbolic link leading outside the content folder at the link's own path: a file link at its
     * line 1, a folder link as a whole. Nothing of the target (its name, content or checksum) is shown.
     */
    void linkOutside(Path link, Diagnostics to) {
        to.error(display(link), Files.isDirectory(link) ? 0 : 1,
                "symbolic link leads outside " + root.getFileName() + "/",
                "nothing outside the content folder is read: replace the link with a copy of the file,"
                        + " or point it at a file inside the content folder");
    }

    /** The "kind:id" a broken file declares (else its file's name: a look-alike hyphen), so references to it do not cascade. */
    private String broken(Path f, String kind) {
        try {
            var m = ID_LINE.matcher(new String(tree.read(f), java.nio.charset.StandardCharsets.UTF_8));
            String id = m.find() ? m.group(1) : f.getFileName().toString().replaceFirst("\\.md$", "");
            return Fields.ID.matcher(id).matches() ? kind + ":" + id : null;
        } catch (IOException ignored) {
            return null; // already reported as unreadable
        }
    }

    /** A content file's parsed front matter and body. */
    record FileFields(ContentFile file, Fields fields) {
        Body body() {
            return file.body();
        }
    }

    /** Reads a content file and splits it, reporting what makes it unreadable; its front matter is not parsed yet. */
    private Optional<ContentFile> read(Path f) {
        String display = display(f);
        byte[] bytes;
        try {
            long size = tree.size(f);
            if (size > MAX_FILE_BYTES) {
                diagnostics.error(display, 0, "file is too large (" + size / 1024 + " KiB; the limit is "
                        + MAX_FILE_BYTES / 1024 / 1024 + " MiB)", "split it into several items");
                return Optional.empty();
            }
            bytes = tree.read(f);
        } catch (ContentTree.OutsideException e) {
            linkOutside(e.link(), diagnostics);
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error(display, 0, "cannot read file: " + e.getMessage(), null);
            return Optional.empty();
        }
        return ContentFile.decode(bytes, display, diagnostics)
                .filter(text -> Screen.noControlCharacters(text, display, diagnostics))
                .flatMap(text -> ContentFile.split(f, display, text, diagnostics))
                .filter(cf -> Screen.nestingWithinLimits(cf.body(), diagnostics))
                .map(cf -> new ContentFile(cf.path(), cf.display(), cf.frontMatter(), Scaffold.withoutPlaceholders(cf.body(), diagnostics)));
    }

    /** One YAML reader per thread (a Yaml is not thread-safe, and making one compiles its resolver's patterns). */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by Fields with the line of the second key
        options.setMaxAliasesForCollections(10);
        return new Yaml(options);
    });

    private Optional<FileFields> frontMatter(ContentFile cf) {
        Node node;
        try {
            node = YAML.get().compose(new java.io.StringReader(cf.frontMatter()));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 2;
            int col = mark == null ? 0 : mark.getColumn() + 1;
            diagnostics.error(cf.display(), line, col, "malformed YAML front matter: " + e.getProblem(),
                    "check indentation and quoting; text containing ': ' or starting with a quote must be quoted");
            return Optional.empty();
        } catch (YAMLException e) {
            diagnostics.error(cf.display(), 1, "malformed YAML front matter: " + e.getMessage(), null);
            return Optional.empty();
        }
        if (!(node instanceof MappingNode mapping)) {
            diagnostics.error(cf.display(), 2, "front matter must be fields ('name: value' lines)",
                    node == null ? "the front matter is empty: add at least 'id:'" : "see content/README.md");
            return Optional.empty();
        }
        return Optional.of(new FileFields(cf, new Fields(cf.display(), 1, mapping, diagnostics)));
    }

    /** Returns the lowercase hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
