package org.evidencearchive.content;

import java.util.List;

/** Our commentary on one or more sources. */
public record Commentary(String id, Origin origin, String title, String summary, List<Ref> about, List<Ref> topics,
                         Body body, List<Alias> aliases) implements Item {
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
        return Kind.COMMENTARY;
    }
}
