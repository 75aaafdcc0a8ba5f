package org.storeline.web.app.view;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * The JTE templates ({@code web/src/main/jte}), compiled to classes at build time by the jte-maven-plugin: a template
 * error fails the build, and nothing is compiled while the server runs. Output is HTML-escaped by default.
 */
public final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} (a path such as {@code "login.jte"}) with its one parameter. */
    public String render(String template, Object model) {
        StringOutput output = new StringOutput();
        engine.render(template, model, output);
        return output.toString();
    }

    /** Answers the page (or fragment) with the given status. */
    public void answer(Context ctx, int status, String template, Object model) {
        ctx.status(status).html(render(template, model));
    }

    public void answer(Context ctx, String template, Object model) {
        answer(ctx, 200, template, model);
    }
}
