package org.evidencearchive.content;

import java.nio.file.Path;
import java.util.List;

/** An archived article: its verbatim text and what is known (and not known) about it. */
public record Source(String id, Origin origin, String title, String headline, List<String> authors, String outlet,
                     PartialDate published, InferredDate dateInferred, String url, Path textFile, String sha256,
                     List<Ref> topics, String provenance, Body note, ArchivedText text,
                     List<Correction> corrections, List<Alias> aliases) implements Item {
    /**
     * A recorded change to the archived text: when (a day), what changed and why, the checksum it replaced and the
     * file that keeps the text as it was before ({@code previous_text}, verified against that checksum).
     */
    public record Correction(PartialDate date, String what, String why, String previousSha256, Path previousText) {}

    /**
     * Hashes by id (unique within a kind), consistent with the record's value equality; the generated hash
     * would walk every field, an archived text's every paragraph included, on each map look-up.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Returns the files that hold this source's texts: the archived text and every earlier version a correction keeps. */
    public List<Path> texts() {
        List<Path> all = new java.util.ArrayList<>(List.of(textFile));
        corrections.forEach(c -> all.add(c.previousText()));
        return all;
    }

    @Override
    public Kind kind() {
        return Kind.SOURCE;
    }
}
