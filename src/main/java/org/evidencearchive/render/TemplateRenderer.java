package org.evidencearchive.render;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModelException;
import org.evidencearchive.check.Diagnostics;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.template.FreemarkerTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * Renders pages with JBake's Freemarker engine, in parallel, into memory. We give JBake the model; JBake's
 * content store and its O(n²) document renderer are not used. Template errors become diagnostics at the
 * template's file and line.
 */
public final class TemplateRenderer {
    static {
        // Freemarker logs template errors with stack traces through java.util.logging; we report them as diagnostics.
        System.setProperty("org.freemarker.loggerLibrary", "none");
    }

    private final FreemarkerTemplateEngine engine;
    private final String templatesDisplay;
    /** Wraps our records so templates can write {@code page.title}. */
    private final ObjectWrapper wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build();

    /** Creates a renderer over a templates folder, configured from JBake's properties in {@code jbakeProperties}. */
    public TemplateRenderer(Path root, Path templates, Path jbakeProperties, Path output, String templatesDisplay) {
        this.templatesDisplay = templatesDisplay;
        try {
            JBakeConfigurationFactory factory = new JBakeConfigurationFactory();
            DefaultJBakeConfiguration cfg = jbakeProperties != null && jbakeProperties.toFile().isFile()
                    ? factory.createDefaultJbakeConfiguration(root.toFile(), output.toFile(), jbakeProperties.toFile(), false)
                    : factory.createDefaultJbakeConfiguration(root.toFile(), output.toFile(), false);
            cfg.setTemplateFolder(templates.toFile());
            this.engine = new FreemarkerTemplateEngine(cfg, null);
        } catch (org.jbake.app.JBakeException e) {
            throw new IllegalStateException("JBake configuration failed: " + e.getMessage(), e);
        }
    }

    /** Where rendered pages go, one at a time, from several threads at once. */
    public interface PageSink {
        void accept(String path, byte[] bytes) throws java.io.IOException;
    }

    /**
     * Renders every page in parallel, making each page's model just before and handing the result to
     * {@code sink}; nothing is kept. Template failures are reported, not thrown; a failing sink's
     * IOException is thrown (as an UncheckedIOException).
     */
    public void render(List<PageSpec> pages, Diagnostics diagnostics, PageSink sink) {
        Map<String, Boolean> reported = new ConcurrentHashMap<>();
        pages.parallelStream().forEach(page -> {
            byte[] bytes;
            try {
                bytes = renderOne(page).getBytes(StandardCharsets.UTF_8);
            } catch (RenderingException e) {
                report(page, e, diagnostics, reported);
                return;
            }
            try {
                sink.accept(page.path(), bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private String renderOne(PageSpec page) throws RenderingException {
        TemplateModel model = new TemplateModel();
        for (var e : page.model().entrySet()) {
            try {
                model.put(e.getKey(), wrapper.wrap(e.getValue()));
            } catch (TemplateModelException ex) {
                throw new RenderingException(ex);
            }
        }
        StringWriter w = new StringWriter();
        engine.renderDocument(model, page.template(), w);
        return w.toString();
    }

    private void report(PageSpec page, RenderingException e, Diagnostics diagnostics, Map<String, Boolean> reported) {
        Throwable cause = e.getCause();
        String file = templatesDisplay + "/" + page.template();
        int line = 0;
        String message = cause == null ? String.valueOf(e.getMessage()) : cause.getMessage();
        if (cause instanceof TemplateException te) {
            if (te.getTemplateSourceName() != null) file = templatesDisplay + "/" + te.getTemplateSourceName();
            line = te.getLineNumber() == null ? 0 : te.getLineNumber();
            message = te.getMessageWithoutStackTop();
        } else if (cause instanceof ParseException pe) {
            if (pe.getTemplateName() != null) file = templatesDisplay + "/" + pe.getTemplateName();
            line = pe.getLineNumber();
            message = pe.getEditorMessage();
        } else if (cause instanceof java.io.FileNotFoundException || cause instanceof freemarker.template.TemplateNotFoundException) {
            message = "template not found: " + page.template();
        }
        String first = message == null ? "template error" : message.lines().findFirst().orElse("template error");
        String key = file + ":" + line + ":" + first;
        if (reported.putIfAbsent(key, Boolean.TRUE) == null) {
            diagnostics.error(file, line, "template error: " + first, "while rendering " + page.path());
        }
    }
}
