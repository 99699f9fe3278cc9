package org.evidencearchive.render;

import java.util.List;
import java.util.Map;

import org.evidencearchive.content.Item;
import org.evidencearchive.graph.Queries;
import org.evidencearchive.publish.GitVersion;

/** What the makers of page models share: the page context, the graph as pages read it, the page frame and links. */
abstract class PageModels {
    final PageContext ctx;
    final Queries archive;

    PageModels(PageContext ctx) {
        this.ctx = ctx;
        this.archive = ctx.archive;
    }

    Map<String, Object> base(String title, String url, String description, String kind, List<View.Crumb> crumbs) {
        return ctx.base(title, url, description, kind, crumbs);
    }

    Map<String, Object> base(String title, String url, String description, String kind, List<View.Crumb> crumbs,
                             Metadata.Head head, GitVersion version, Item item) {
        return ctx.base(title, url, description, kind, crumbs, head, version, item);
    }

    View.Link link(Item i) {
        return ctx.link(i);
    }
}
