package org.evidencearchive.reference;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Source;
import org.evidencearchive.graph.Urls;
import org.evidencearchive.publish.GitVersion;

/** The references of the archive's items: what "cite this" and its downloads say about each source and page. */
public final class ItemReferences {
    private ItemReferences() {}

    /** Returns the reference of a source, commentary or claim page, for "cite this" and its downloads. */
    public static Reference of(Item item, SiteConfig site, GitVersion v) {
        return of(item, site, v, null);
    }

    /** Returns the reference of a source, commentary or claim page with its persistent identifier (or null). */
    public static Reference of(Item item, SiteConfig site, GitVersion v, org.evidencearchive.graph.Identifiers.Pid pid) {
        String day = v.day();
        String commit = v.commit() == null ? null : v.commit().substring(0, Math.min(7, v.commit().length()));
        if (item instanceof Source s) {
            return new Reference(Reference.Type.NEWSPAPER_ARTICLE, s.headline() != null ? s.headline() : s.title(),
                    s.headline() == null, s.authors(), null, s.outlet(), s.published() == null ? null : s.published().value(),
                    s.url(), site.title(), site.baseUrl() + Urls.of(s), commit, day, s.id(), pid);
        }
        // a claim's statement ends as a sentence does; as a title it does not, or styles print "2016.'," and "2016.' ("
        String title = item.title().replaceFirst("(?<!\\.)\\.$", "");
        return new Reference(Reference.Type.WEBPAGE, title, false, List.of(), site.title(), null, day, null,
                site.title(), site.baseUrl() + Urls.of(item), commit, day, item.id(), pid);
    }

    /** Returns the "cite this" downloads of the given items (those without a citable page have none). */
    public static Map<String, byte[]> files(List<? extends Item> items, Function<Item, Reference> reference) {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        List<Item> citable = items.stream().filter(i -> i instanceof Source || i instanceof Commentary || i instanceof Claim)
                .map(i -> (Item) i).toList();
        Map<String, byte[]> made = new java.util.concurrent.ConcurrentHashMap<>();
        citable.parallelStream().forEach(i -> {
            Reference r = reference.apply(i);
            String dir = Urls.of(i).substring(1);
            made.put(dir + "cite.bib", Exports.bibtex(r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            made.put(dir + "cite.ris", Exports.ris(r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            made.put(dir + "cite.json", Exports.cslJson(r));
        });
        out.putAll(made);
        return out;
    }

    /** Returns /data/sources.csl.json: every source as CSL-JSON. */
    public static byte[] sourcesCsl(Collection<Source> sources, Function<Item, Reference> reference) {
        return org.evidencearchive.export.Json.bytes(sources.stream().map(s -> Exports.cslItem(reference.apply(s))).toList());
    }
}
