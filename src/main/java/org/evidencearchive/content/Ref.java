package org.evidencearchive.content;

/** A reference to another item by id, with the line where the editor wrote it. */
public record Ref(String id, Origin origin) {}
