package org.storeline.web.app.view;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The browser files, served from the jar by {@code /assets/{hash}/{name}}: our CSS, JS and icon, htmx with its SSE
 * extension from their WebJars, and the Scanner's WebAssembly barcode decoder from our vendor folder. Each URL carries
 * a hash of the file's bytes, so it is cached for a year and a new release changes the URL; nothing is loaded from
 * another site.
 */
public final class Assets {
    public static final String PREFIX = "/assets/";
    private static final String OURS = "/org/storeline/web/app/assets/";

    /** A file, its type and the path it is served at. */
    public record Asset(String name, String type, byte[] bytes, String url) {}

    private final Map<String, Asset> byName = new LinkedHashMap<>();
    private final Map<String, Asset> byUrl = new LinkedHashMap<>();

    public Assets() {
        add("app.css", "text/css; charset=utf-8", OURS + "app.css");
        add("app.js", "text/javascript; charset=utf-8", OURS + "app.js");
        add("backoffice.js", "text/javascript; charset=utf-8", OURS + "backoffice.js");
        add("drawer.js", "text/javascript; charset=utf-8", OURS + "drawer.js");
        add("scanner.js", "text/javascript; charset=utf-8", OURS + "scanner.js");
        add("favicon.svg", "image/svg+xml", OURS + "favicon.svg");
        add("sales.js", "text/javascript; charset=utf-8", OURS + "sales.js");
        add("noscript.css", "text/css; charset=utf-8", OURS + "noscript.css");
        add("htmx.js", "text/javascript; charset=utf-8", webJar("htmx.org", "dist/htmx.min.js"));
        add("htmx-sse.js", "text/javascript; charset=utf-8", webJar("htmx-ext-sse", "sse.js"));
        // The Scanner's barcode decoder (vendor/zxing-wasm/README.md), loaded by scanner.js only where it is needed.
        add("zxing-reader.js", "text/javascript; charset=utf-8", OURS + "vendor/zxing-wasm/zxing-reader.js");
        add("zxing-reader.wasm", "application/wasm", OURS + "vendor/zxing-wasm/zxing_reader.wasm");
    }

    /** The URL of an asset by its name ({@code "app.css"}). */
    public String url(String name) {
        Asset asset = byName.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("No asset " + name);
        }
        return asset.url();
    }

    public Asset byName(String name) {
        return byName.get(name);
    }

    /** Serves the asset at the request's path, cached for good; false when there is none. */
    public boolean serve(Context ctx) {
        Asset asset = byUrl.get(ctx.path());
        if (asset == null) {
            return false;
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(asset.type()).result(asset.bytes());
        return true;
    }

    private void add(String name, String type, String resource) {
        byte[] bytes = read(resource);
        Asset asset = new Asset(name, type, bytes, PREFIX + hash(bytes) + "/" + name);
        byName.put(name, asset);
        byUrl.put(asset.url(), asset);
    }

    /** A file of an npm WebJar, at the version its pom.properties names (the one Maven resolved). */
    private static String webJar(String artifact, String file) {
        Properties pom = new Properties();
        try (InputStream in = resource("/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/" + file;
    }

    private static byte[] read(String resource) {
        try (InputStream in = resource(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Assets.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing from the jar: " + path);
        }
        return in;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
