package org.evidencearchive.content;

import java.util.List;

/** Our commentary on one or more sources. */
public record Commentary(String id, Origin origin, String title, String summary, List<Ref> about, List<Ref> topics,
                         Body body, List<String> aliases) implements Item {
    @Override
    public String kind() {
        return "commentary";
    }
}
