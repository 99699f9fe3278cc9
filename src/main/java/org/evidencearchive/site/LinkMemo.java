package org.evidencearchive.site;

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
 * reads the previous generation and writes the next, so entries of items that are gone are dropped.
 */
public final class LinkMemo {
    /** A citation resolved against one parse of its source, with what resolving it reported. */
    record Resolution(Source source, Optional<ResolvedCitation> result, List<Diagnostic> diagnostics) {}

    /** The people a source's text names (by id), found with one set of mentions. */
    record Mentions(Source source, List<String> people) {}

    private Generation previous = new Generation();
    private Generation next = new Generation();
    private Object mentionDictionary;

    private static final class Generation {
        final Map<Paragraph, QuoteNormalizer.Normalized> normalized = new IdentityHashMap<>();
        final Map<CitationRef, Resolution> resolutions = new IdentityHashMap<>();
        final Map<Body, InlineCitations.Extracted> extracted = new IdentityHashMap<>();
        final Map<Source, Mentions> mentions = new IdentityHashMap<>();
    }

    /** A memo that remembers nothing: a one-off build computes everything once. */
    public static LinkMemo none() {
        return new LinkMemo();
    }

    synchronized QuoteNormalizer.Normalized normalized(Paragraph p, Function<Paragraph, QuoteNormalizer.Normalized> make) {
        return carry(previous.normalized, next.normalized, p, make);
    }

    synchronized InlineCitations.Extracted extracted(Body b) {
        return carry(previous.extracted, next.extracted, b, InlineCitations::extract);
    }

    synchronized Resolution resolution(CitationRef ref, Source source) {
        Resolution r = next.resolutions.get(ref);
        if (r == null) r = previous.resolutions.get(ref);
        if (r == null || r.source() != source) return null;
        next.resolutions.put(ref, r);
        return r;
    }

    synchronized void resolved(CitationRef ref, Resolution r) {
        next.resolutions.put(ref, r);
    }

    /** Starts a scan for mentions with a dictionary; a different one than before forgets every earlier scan. */
    synchronized void mentionDictionary(Object dictionary) {
        if (dictionary.equals(mentionDictionary)) return;
        mentionDictionary = dictionary;
        previous.mentions.clear();
        next.mentions.clear();
    }

    /** The people a source names, if scanned with the current dictionary. */
    synchronized List<String> mentions(Source s) {
        Mentions m = next.mentions.get(s);
        if (m == null) m = previous.mentions.get(s);
        if (m == null) return null;
        next.mentions.put(s, m);
        return m.people();
    }

    synchronized void mentioned(Source s, List<String> people) {
        next.mentions.put(s, new Mentions(s, people));
    }

    /** Ends one link: what it used is kept for the next, the rest is dropped. */
    synchronized void advance() {
        previous = next;
        next = new Generation();
    }

    private static <K, V> V carry(Map<K, V> from, Map<K, V> to, K key, Function<K, V> make) {
        V v = to.get(key);
        if (v != null) return v;
        v = from.get(key);
        if (v == null) v = make.apply(key);
        to.put(key, v);
        return v;
    }
}
