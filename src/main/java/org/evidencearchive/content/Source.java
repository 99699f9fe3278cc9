package org.evidencearchive.content;

import java.nio.file.Path;
import java.util.List;

/** An archived article: its verbatim text and what is known (and not known) about it. */
public record Source(String id, Origin origin, String title, String headline, List<String> authors, String outlet,
                     PartialDate published, InferredDate dateInferred, String url, Path textFile, String sha256,
                     List<Ref> topics, String provenance, Body note, ArchivedText text) implements Item {
    @Override
    public String kind() {
        return "source";
    }
}
