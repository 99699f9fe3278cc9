package org.evidencearchive.render;

import java.util.Map;

/**
 * One file to render: its path in the output, the template, and the model the template sees.
 *
 * @param path output path relative to the site root, e.g. "sources/my-id/index.html"
 */
public record PageSpec(String path, String template, Map<String, Object> model) {}
