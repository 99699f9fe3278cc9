package org.evidencearchive.content;

import java.util.List;

/** Anything in the archive with an id and a page. */
public sealed interface Item permits Source, Commentary, Claim, Topic, Person {
    /** Returns the stable id from which the URL is made. */
    String id();

    /** Returns where the item is defined. */
    Origin origin();

    /** Returns the title shown for the item. */
    String title();

    /** Returns the item's kind. */
    Kind kind();

    /** Returns old URLs of this item that must keep working (they redirect to its page). */
    List<Alias> aliases();
}
