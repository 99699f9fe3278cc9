package org.evidencearchive.content;

import java.nio.file.Path;
import java.util.List;

/** An archived article: its verbatim text and what is known (and not known) about it. */
public record Source(String id, Origin origin, String title, String headline, List<String> authors, String outlet,
                     PartialDate published, InferredDate dateInferred, String url, Path textFile, String sha256,
                     List<Ref> topics, String provenance, Body note, ArchivedText text,
                     List<Correction> corrections, List<Alias> aliases) implements Item {
    /** A recorded change to the archived text: when, what changed and why, and the checksum it replaced. */
    public record Correction(PartialDate date, String what, String why, String previousSha256) {}

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
        return Kind.SOURCE;
    }
}
