package org.evidencearchive.render;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One file to render: its path in the output, the template, and how to make the model the template sees.
 * The model is made when the page is rendered (and dropped after), so a build never holds every page's model.
 *
 * @param path   output path relative to the site root, e.g. "sources/my-id/index.html"
 * @param shape  for a page whose items were chosen when the pages were planned (one page of an index), which
 *               items and headings it shows, so that a rebuild re-renders it when they change; null otherwise
 */
public record PageSpec(String path, String template, Supplier<Map<String, Object>> recipe, String shape) {
    /** A page whose model is made when it is rendered, from what its recipe reads. */
    public PageSpec(String path, String template, Supplier<Map<String, Object>> recipe) {
        this(path, template, recipe, null);
    }

    /** A page whose model is already made. */
    public PageSpec(String path, String template, Map<String, Object> model) {
        this(path, template, () -> model, null);
    }

    /** Makes the page's model. */
    public Map<String, Object> model() {
        return recipe.get();
    }
}
