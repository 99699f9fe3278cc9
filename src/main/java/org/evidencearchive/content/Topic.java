package org.evidencearchive.content;

import java.util.List;

/** A topic with a curated introduction. */
public record Topic(String id, Origin origin, String title, String summary, List<Ref> related, Body body,
                    List<String> aliases)
        implements Item {
    @Override
    public String kind() {
        return "topic";
    }
}
