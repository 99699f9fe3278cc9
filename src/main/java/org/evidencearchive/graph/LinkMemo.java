package org.evidencearchive.graph;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.cite.InlineCitations;
import org.evidencearchive.cite.QuoteNormalizer;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Body;
import org.evidencearchive.content.CitationRef;
import org.evidencearchive.content.Paragraph;
import org.evidencearchive.content.Source;

/**
 * What linking computed, kept from one link of an archive to the next so that relinking after an edit redoes
 * only what the edit touched. Entries are keyed by the identity of parsed objects: an unchanged file's items
 * are the same objects from one parse to the next (the parse keeps them), an edited file's are new. Each link
 * notes what it used; entries no link used lately are dropped once they outnumber the rest.
 */
public final class LinkMemo {
    /** A citation resolved against one parse of its source, with what resolving it reported. */
    record Resolution(Source source, Optional<ResolvedCitation> result, List<Diagnostic> diagnostics) {}

    /**
     * The last link's related items: each feature's members, each item's features, and each item's most related
     * items (all by item key).
     */
    record Related(Map<Key, java.util.Set<Key>> members, Map<Key, java.util.Set<Key>> features,
                   Map<Key, List<Key>> related, Map<Key, org.evidencearchive.content.Item> items,
                   Map<String, List<ResolvedCitation>> claimCitations) {}

    private Related related;
    /** The last link without errors (and with every file parsed), which the next link may patch. */
    private Archive base;

    synchronized Archive base() {
        return base;
    }

    synchronized void base(Archive a) {
        if (remembers) base = a;
    }

    synchronized Related related() {
        return related;
    }

    synchronized void related(Related r) {
        if (remembers) related = r;
    }

    private final boolean remembers;

    /** A memo that keeps what each link computed for the next. */
    public LinkMemo() {
        this(true);
    }

    private LinkMemo(boolean remembers) {
        this.remembers = remembers;
    }

    /** A kept value and the last link that used it. */
    private static final class Kept<V> {
        final V value;
        int seen;

        Kept(V value, int seen) {
            this.value = value;
            this.seen = seen;
        }
    }

    /** Counts links; entries not used by the latest are dropped when they outnumber those it used. */
    private int link;
    private int uses;
    private final Map<Paragraph, Kept<QuoteNormalizer.Normalized>> normalized = new IdentityHashMap<>();
    private final Map<CitationRef, Kept<Resolution>> resolutions = new IdentityHashMap<>();
    private final Map<Body, Kept<InlineCitations.Extracted>> extracted = new IdentityHashMap<>();
    private final Map<Object, Kept<List<ResolvedCitation>>> lists = new IdentityHashMap<>();
    /** The people each source's text names (by id), found with the current set of mentions. */
    private final Map<Source, List<String>> mentions = new IdentityHashMap<>();
    private Object mentionDictionary;

    /** A memo that remembers nothing: a one-off build computes everything once. */
    public static LinkMemo none() {
        return new LinkMemo(false);
    }

    // Linking is single-threaded but for the mention scan: only the mention methods are synchronized.

    QuoteNormalizer.Normalized normalized(Paragraph p, Function<Paragraph, QuoteNormalizer.Normalized> make) {
        return get(normalized, p, make);
    }

    InlineCitations.Extracted extracted(Body b) {
        return get(extracted, b, InlineCitations::extract);
    }

    Resolution resolution(CitationRef ref, Source source) {
        uses++;
        Kept<Resolution> k = resolutions.get(ref);
        if (k == null || k.value.source() != source) return null;
        k.seen = link;
        return k.value;
    }

    void resolved(CitationRef ref, Resolution r) {
        resolutions.put(ref, new Kept<>(r, link));
    }

    private boolean mentionsChanged;

    /** Whether the last scan for mentions used another dictionary than the one before it. */
    synchronized boolean mentionsChanged() {
        return mentionsChanged;
    }

    /** Starts a scan for mentions with a dictionary; a different one than before forgets every earlier scan. */
    synchronized void mentionDictionary(Object dictionary) {
        mentionsChanged = !dictionary.equals(mentionDictionary);
        if (!mentionsChanged) return;
        mentionDictionary = dictionary;
        mentions.clear();
    }

    /** Whether a dictionary of mentions is the one the last scan used. */
    synchronized boolean sameMentionDictionary(Object dictionary) {
        return dictionary.equals(mentionDictionary);
    }

    /** The people a source names, if scanned with the current dictionary. */
    synchronized List<String> mentions(Source s) {
        return mentions.get(s);
    }

    synchronized void mentioned(Source s, List<String> people) {
        mentions.put(s, people);
    }

    /** Forgets the scans of sources that are no longer in the archive. */
    synchronized void keepMentions(java.util.Collection<Source> current) {
        if (mentions.size() <= current.size()) return;
        java.util.Set<Source> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(current);
        mentions.keySet().retainAll(live);
    }

    /** Returns the list an owner's citations resolved to last time if it is equal to {@code now}, else now. */
    List<ResolvedCitation> same(Object owner, List<ResolvedCitation> now) {
        uses++;
        Kept<List<ResolvedCitation>> k = lists.get(owner);
        if (k != null && k.value.equals(now)) {
            k.seen = link;
            return k.value;
        }
        lists.put(owner, new Kept<>(now, link));
        return now;
    }

    /**
     * Ends one link: what it did not use is dropped once it outnumbers what it used. A patch uses only what its
     * items need, so it drops nothing (a later whole link needs the rest).
     */
    synchronized void advance(boolean patch) {
        if (!remembers) { // a one-off build links once: keep nothing
            normalized.clear();
            resolutions.clear();
            extracted.clear();
            lists.clear();
            mentions.clear();
            return;
        }
        if (patch) {
            link++;
            uses = 0;
            return;
        }
        int limit = 2 * uses + 4096;
        for (Map<?, ? extends Kept<?>> m : List.of(resolutions, extracted, lists)) {
            if (m.size() > limit) m.values().removeIf(k -> k.seen != link);
        }
        if (normalized.size() > 8 * uses + 500_000) normalized.values().removeIf(k -> k.seen != link);
        link++;
        uses = 0;
    }

    private <K, V> V get(Map<K, Kept<V>> map, K key, Function<K, V> make) {
        uses++;
        Kept<V> k = map.get(key);
        if (k == null) {
            k = new Kept<>(make.apply(key), link);
            map.put(key, k);
        }
        k.seen = link;
        return k.value;
    }

}
