package org.evidencearchive.content;

import java.util.List;

/** A topic with a curated introduction. */
public record Topic(String id, Origin origin, String title, String summary, List<Ref> related, Body body,
                    List<Alias> aliases)
        implements Item {
    /**
     * Hashes by id (unique within a kind), consistent with the record's value equality; the generated hash
     * would walk every field, an archived text's every paragraph included, on each map look-up.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public Kind kind() {
        return Kind.TOPIC;
    }
}
