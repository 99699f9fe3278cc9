package org.evidencearchive.content;

/** The Markdown after the front matter, with the file line its first line stands on. */
public record Body(String markdown, Origin origin) {
    /** Returns whether the body has any non-blank text. */
    public boolean isBlank() {
        return markdown.isBlank();
    }
}
