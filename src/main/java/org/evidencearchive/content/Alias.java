package org.evidencearchive.content;

/** An old URL of an item (a site path such as {@code /sources/old-id/}), with the line where the editor wrote it. */
public record Alias(String path, Origin origin) {}
