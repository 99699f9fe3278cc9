package org.evidencearchive.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Pagination of long indexes: page 1 keeps the section's URL; groups split or stay whole; the navigation window. */
class PagerTest {
    record G(String name, List<Integer> items) {}

    private static G g(String name, int n) {
        return new G(name, IntStream.range(0, n).boxed().toList());
    }

    private static final Pager.Cut<G> CUT = (x, from, to) -> new G(x.name() + "+" + from, x.items().subList(from, to));

    private static List<String> shape(List<List<G>> pages) {
        List<String> out = new ArrayList<>();
        for (List<G> p : pages) out.add(String.join(",", p.stream().map(x -> x.name() + ":" + x.items().size()).toList()));
        return out;
    }

    @Test
    void groupsAreCutAcrossPagesAndNoPageHoldsMoreThanItsSize() {
        var pages = Pager.split(List.of(g("a", 3), g("b", 5), g("c", 1)), 4, x -> x.items().size(), CUT);
        assertEquals(List.of("a:3,b+0:1", "b+1:4", "c:1"), shape(pages));
    }

    @Test
    void withoutACutGroupsStayWholeAndAnOversizedOneGetsItsOwnPage() {
        var pages = Pager.split(List.of(g("a", 3), g("b", 9), g("c", 1), g("d", 2)), 4, x -> x.items().size(), null);
        assertEquals(List.of("a:3", "b:9", "c:1,d:2"), shape(pages));
    }

    @Test
    void aSmallIndexIsOnePageAndAnEmptyOneStillHasAPage() {
        assertEquals(List.of("a:3"), shape(Pager.split(List.of(g("a", 3)), 250, x -> x.items().size(), CUT)));
        assertEquals(1, Pager.split(List.<G>of(), 250, x -> x.items().size(), CUT).size());
    }

    @Test
    void pageOneKeepsTheSectionUrlAndLaterPagesAreNumbered() {
        Pager first = Pager.of("/claims/", 1, 3);
        assertEquals("/claims/", first.url());
        assertEquals("claims/index.html", first.file());
        assertNull(first.prev());
        assertEquals("/claims/page/2/", first.next());
        assertEquals("Claims", first.title("Claims"));
        Pager last = Pager.of("/claims/", 3, 3);
        assertEquals("claims/page/3/index.html", last.file());
        assertEquals("/claims/page/2/", last.prev());
        assertNull(last.next());
        assertEquals("Claims, page 3 of 3", last.title("Claims"));
    }

    @Test
    void theNavigationShowsTheEndsAndANeighbourhoodWithGaps() {
        List<Integer> shown = Pager.of("/x/", 10, 40).window().stream().map(Pager.Entry::number).toList();
        assertEquals(List.of(1, 0, 7, 8, 9, 10, 11, 12, 13, 0, 40), shown);
        assertEquals(List.of(1, 2, 3, 4, 5), Pager.of("/x/", 2, 5).window().stream().map(Pager.Entry::number).toList());
    }
}
