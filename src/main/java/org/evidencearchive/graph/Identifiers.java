package org.evidencearchive.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.content.Alias;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Kind;

/**
 * The persistent identifiers (ARKs or DOIs) of the archive's sources, commentary and claims, from the identifier
 * ledger {@code site-config/identifiers.txt} ({@code kind:id identifier} per line), which {@code archive ledger}
 * maintains. An identifier is minted once and never reused: opaque (a hash of the key it was first minted for,
 * in NOID's betanumeric alphabet), so a renamed item keeps it through its alias ({@code /sources/old-id/} gives
 * it the identifier of {@code source:old-id}), and an identifier whose item is gone is an error, as a vanished
 * URL is.
 */
public final class Identifiers {
    /** The identifier ledger's file name in site-config/. */
    public static final String FILE = "identifiers.txt";

    /** No identifiers: a site without the {@code identifiers} setting. */
    public static final Identifiers NONE = new Identifiers(null, Map.of());

    /** The kinds of item that get identifiers: those with a citable page. */
    private static final Set<Kind> KINDS = Set.of(Kind.SOURCE, Kind.COMMENTARY, Kind.CLAIM);

    /** NOID's betanumeric alphabet: digits and consonants but 'l', so that no word or look-alike is spelt. */
    private static final String BETANUMERIC = "0123456789bcdfghjkmnpqrstvwxz";

    /**
     * One persistent identifier.
     *
     * @param value the identifier as written: {@code ark:12345/x6bc7d} or {@code 10.12345/bc7d}
     */
    public record Pid(String value) {
        /** Returns whether this is a DOI (else an ARK). */
        public boolean doi() {
            return value.startsWith("10.");
        }

        /** Returns the identifier's resolver URL ({@code https://doi.org/…} or {@code https://n2t.net/ark:…}). */
        public String url() {
            return (doi() ? "https://doi.org/" : "https://n2t.net/") + value;
        }

        /** Returns the scheme's name: "DOI" or "ARK". */
        public String scheme() {
            return doi() ? "DOI" : "ARK";
        }
    }

    /** The prefix new identifiers are minted under ({@code ark:12345/x6}, {@code 10.12345/}), or null. */
    private final String prefix;
    /** "kind:id" of each item now → its identifier, in key order. */
    private final Map<String, Pid> byKey;

    private Identifiers(String prefix, Map<String, Pid> byKey) {
        this.prefix = prefix;
        this.byKey = byKey;
    }

    /** Returns an item's identifier, or null. */
    public Pid of(Item item) {
        return byKey.get(key(item.kind(), item.id()));
    }

    /** Returns every item's identifier by "kind:id". */
    public Map<String, Pid> all() {
        return byKey;
    }

    private static String key(Kind kind, String id) {
        return kind.word() + ":" + id;
    }

    /**
     * Reads the ledger and gives each identifier to the item that holds it now: the item of its key, or the item
     * whose alias is that key's URL. Without a prefix (no {@code identifiers} setting) a ledger with identifiers is
     * an error: they were published and must keep resolving.
     *
     * @param prefix   the prefix of the {@code identifiers} setting, or null
     * @param settings how to name the settings file in a message
     */
    public static Identifiers read(Path siteConfig, String display, String prefix, String settings, Archive archive, Diagnostics d) {
        Path file = siteConfig.resolve(FILE);
        String shown = display + "/" + FILE;
        List<String> lines;
        try {
            lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            d.error(shown, 1, "cannot read the identifier ledger: " + e.getMessage(), "restore it from git");
            return NONE;
        }
        Map<String, Item> aliased = new HashMap<>();
        List<Item> items = citable(archive);
        for (Item i : items) {
            for (Alias a : i.aliases()) aliased.putIfAbsent(a.path().endsWith("/") ? a.path() : a.path() + "/", i);
        }
        Map<String, Pid> byKey = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.strip().split("\\s+");
            int colon = parts[0].indexOf(':');
            Kind kind = colon < 0 ? null : Kind.of(parts[0].substring(0, colon)).filter(KINDS::contains).orElse(null);
            if (parts.length != 2 || kind == null || !parts[1].matches("(ark:[0-9]{5,}/|10\\.[0-9.]+/)[0-9a-z./-]+")) {
                d.error(shown, n, "not an identifier ledger line: '" + line.strip() + "'",
                        "each line is 'kind:id identifier' (source, commentary or claim; an ARK or DOI), as ./archive ledger writes it; restore the file from git");
                continue;
            }
            if (prefix == null) {
                d.error(shown, n, "identifier " + parts[1] + " is recorded, but " + settings + " has no 'identifiers' setting",
                        "restore the 'identifiers' setting it was minted under: a published identifier must keep resolving");
                continue;
            }
            Integer before = seen.putIfAbsent(parts[1], n);
            if (before != null) {
                d.error(shown, n, "identifier " + parts[1] + " is recorded twice (also at line " + before + ")",
                        "an identifier names one item: keep the line of the item it was minted for (git log -p " + FILE + ")");
                continue;
            }
            String id = parts[0].substring(colon + 1);
            Item owner = archive.item(kind, id).filter(i -> KINDS.contains(i.kind())).orElse(null);
            if (owner == null) owner = aliased.get(Urls.of(kind, id));
            if (owner == null) {
                d.error(shown, n, "identifier " + parts[1] + " of " + parts[0] + " would no longer resolve: no item is " + parts[0]
                                + " or has the alias " + Urls.of(kind, id),
                        "restore " + kind.section() + "/" + id + ".md, or, if the item was renamed, add 'aliases: [" + Urls.of(kind, id)
                                + "]' to it (./archive ledger then records its new id); persistent identifiers never break");
                continue;
            }
            Pid had = byKey.putIfAbsent(key(owner.kind(), owner.id()), new Pid(parts[1]));
            if (had != null) {
                d.error(shown, n, "identifier " + parts[1] + " of " + parts[0] + " goes to " + key(owner.kind(), owner.id())
                                + ", which already has " + had.value(),
                        "an item has one identifier: remove the alias " + Urls.of(kind, id) + " from it, or give " + parts[0] + " back its own file");
            }
        }
        return prefix == null ? NONE : new Identifiers(prefix, java.util.Collections.unmodifiableMap(byKey));
    }

    private static List<Item> citable(Archive archive) {
        List<Item> items = new ArrayList<>(archive.sources());
        items.addAll(archive.commentary());
        items.addAll(archive.claims());
        return items;
    }

    /**
     * Returns these identifiers with one minted for every source, commentary and claim that has none, in key
     * order; each blade is a hash of the item's key, re-hashed with a counter until it names no identifier on
     * record, so the same ledger and content always mint the same identifiers and none is ever reused.
     */
    public Identifiers minted(Archive archive) {
        if (prefix == null) return this;
        Map<String, Pid> out = new TreeMap<>(byKey);
        Set<String> taken = new TreeSet<>();
        byKey.values().forEach(p -> taken.add(p.value()));
        List<Item> items = citable(archive);
        items.sort(Comparator.comparing((Item i) -> key(i.kind(), i.id())));
        for (Item i : items) {
            String k = key(i.kind(), i.id());
            if (out.containsKey(k)) continue;
            String value;
            int salt = 0;
            do {
                value = prefix + blade(salt == 0 ? k : k + "#" + salt);
                salt++;
            } while (taken.contains(value));
            taken.add(value);
            out.put(k, new Pid(value));
        }
        return new Identifiers(prefix, java.util.Collections.unmodifiableMap(out));
    }

    /** Eight betanumeric characters of the SHA-256 of a key. */
    static String blade(String key) {
        byte[] h;
        try {
            h = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.math.BigInteger v = new java.math.BigInteger(1, h);
        java.math.BigInteger base = java.math.BigInteger.valueOf(BETANUMERIC.length());
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            java.math.BigInteger[] qr = v.divideAndRemainder(base);
            s.append(BETANUMERIC.charAt(qr[1].intValue()));
            v = qr[0];
        }
        return s.toString();
    }

    /** Writes the ledger: every identifier under its item's key now (a renamed item's line takes its new id). */
    public void write(Path siteConfig) throws IOException {
        if (prefix == null) return;
        StringBuilder s = new StringBuilder("# The persistent identifier of each source, commentary and claim. Maintained by ./archive ledger; do not edit.\n");
        Map<String, Pid> sorted = new LinkedHashMap<>(byKey);
        sorted.forEach((k, p) -> s.append(k).append(' ').append(p.value()).append('\n'));
        Files.writeString(siteConfig.resolve(FILE), s.toString());
    }
}
