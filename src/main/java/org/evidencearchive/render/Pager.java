package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One page of a paginated index, as Hugo and Zola number them: page 1 at the section's own URL, page k at
 * {@code SECTION/page/k/}. A small archive has one page, so its URLs never change as it grows.
 *
 * @param current this page's number, from 1
 * @param total   how many pages the index has
 * @param pages   every page's number and URL, for the page navigation
 */
public record Pager(String section, int current, int total, List<Entry> pages) {
    /** A page's number and URL. */
    public record Entry(int number, String url) {}

    /** Returns page {@code current} of {@code total} of the index at {@code section} (a URL ending in '/'). */
    public static Pager of(String section, int current, int total) {
        List<Entry> all = new ArrayList<>();
        for (int k = 1; k <= total; k++) all.add(new Entry(k, urlOf(section, k)));
        return new Pager(section, current, total, List.copyOf(all));
    }

    private static String urlOf(String section, int k) {
        return k == 1 ? section : section + "page/" + k + "/";
    }

    /** The pages the navigation shows: the first, the last and three either side of this one; 0 marks a gap. */
    public List<Entry> window() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : pages) {
            boolean shown = e.number() == 1 || e.number() == total || Math.abs(e.number() - current) <= 3;
            if (shown) {
                out.add(e);
            } else if (out.isEmpty() || out.get(out.size() - 1).number() != 0) {
                out.add(new Entry(0, null));
            }
        }
        return out;
    }

    /** This page's URL. */
    public String url() {
        return urlOf(section, current);
    }

    /** This page's output file. */
    public String file() {
        return url().substring(1) + "index.html";
    }

    /** The previous page's URL, or null on the first. */
    public String prev() {
        return current > 1 ? urlOf(section, current - 1) : null;
    }

    /** The next page's URL, or null on the last. */
    public String next() {
        return current < total ? urlOf(section, current + 1) : null;
    }

    /** The page's title: the section's, with "page k of n" after the first page. */
    public String title(String sectionTitle) {
        return current == 1 ? sectionTitle : sectionTitle + ", page " + current + " of " + total;
    }

    /** Cuts a part {@code [from, to)} of a group's items into a new group. */
    public interface Cut<G> {
        G apply(G group, int from, int to);
    }

    /**
     * Splits groups into pages of at most {@code perPage} items, in order. With a {@code cut}, a group that does
     * not fit is split across pages; without one, groups stay whole and a group larger than a page gets a page
     * to itself. There is always at least one page.
     */
    public static <G> List<List<G>> split(List<G> groups, int perPage, ToIntFunction<G> size, Cut<G> cut) {
        List<List<G>> pages = new ArrayList<>();
        List<G> page = new ArrayList<>();
        int used = 0;
        for (G g : groups) {
            int n = size.applyAsInt(g);
            if (cut == null) {
                if (used > 0 && used + n > perPage) {
                    pages.add(page);
                    page = new ArrayList<>();
                    used = 0;
                }
                page.add(g);
                used += n;
                continue;
            }
            int from = 0;
            while (from < n) {
                if (used == perPage) {
                    pages.add(page);
                    page = new ArrayList<>();
                    used = 0;
                }
                int to = Math.min(n, from + perPage - used);
                page.add(from == 0 && to == n ? g : cut.apply(g, from, to));
                used += to - from;
                from = to;
            }
        }
        if (!page.isEmpty() || pages.isEmpty()) pages.add(page);
        return pages;
    }
}
