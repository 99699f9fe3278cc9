package org.evidencearchive.graph;

import org.evidencearchive.content.Item;

/** The URL scheme: every item's URL is a directory made from its kind and id. */
public final class Urls {
    private Urls() {}

    /** Returns the folder that holds a kind's pages, e.g. "sources". */
    public static String section(String kind) {
        return org.evidencearchive.content.Scaffold.section(kind);
    }

    /** Returns the site-relative URL of an item, e.g. "/sources/my-id/". */
    public static String of(Item item) {
        return of(item.kind(), item.id());
    }

    /** Returns the site-relative URL of an item of a kind with an id. */
    public static String of(String kind, String id) {
        return "/" + section(kind) + "/" + id + "/";
    }
}
