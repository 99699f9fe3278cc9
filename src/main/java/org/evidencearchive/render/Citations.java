package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.List;

import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Source;
import org.evidencearchive.graph.Queries;
import org.evidencearchive.graph.Urls;

/** Numbers the citations of one page and keeps them for the "cited passages" list. */
final class Citations {
    final List<View.Cited> list = new ArrayList<>();
    int next = 1;
    private final Queries archive;

    Citations(Queries archive) {
        this.archive = archive;
    }

    View.Cited add(ResolvedCitation rc) {
        Source s = archive.source(rc.sourceId()).orElseThrow();
        View.Cited c = new View.Cited(next++, rc.exact(), s.title(), Urls.of(s), rc.anchor().substring(1), Urls.passage(rc));
        list.add(c);
        return c;
    }
}
