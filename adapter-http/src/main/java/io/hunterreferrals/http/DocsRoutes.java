package io.hunterreferrals.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The OpenAPI document and Swagger UI. Swagger UI's files come from the swagger-ui webjar on the classpath (the servers
 * may have no internet, and a CDN script would need a looser CSP); only the files the page uses are served, by name, so
 * no other classpath resource is reachable.
 */
final class DocsRoutes {

    static final String OPENAPI = "/openapi.json";
    static final String PAGE = "/docs";
    static final String ASSET = "/docs/{asset}";

    private static final String OWN = "/io/hunterreferrals/http/";
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Map<String, String> ASSET_TYPES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png");
    private static final String INITIALIZER = "docs-init.js";

    private final byte[] openApi;
    private final byte[] page;
    private final byte[] initializer;
    private final String webjarRoot;

    DocsRoutes() {
        this.openApi = resource(OWN + "openapi.json");
        this.page = resource(OWN + "docs.html");
        this.initializer = resource(OWN + INITIALIZER);
        this.webjarRoot = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
    }

    void register(RoutesConfig routes) {
        routes.get(OPENAPI, ctx -> ctx.contentType("application/json").result(openApi));
        routes.get(PAGE, ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        routes.get(ASSET, this::asset);
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        if (name.equals(INITIALIZER)) {
            ctx.contentType("text/javascript; charset=utf-8").result(initializer);
            return;
        }
        String type = ASSET_TYPES.get(name);
        InputStream file = type == null ? null : DocsRoutes.class.getResourceAsStream(webjarRoot + name);
        if (file == null) {
            throw ApiError.notFound(
                    "not_found", "No documentation file " + (name.length() > 60 ? name.substring(0, 60) : name) + ".");
        }
        // Versioned webjar files never change under the same name; let browsers keep them.
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType(type).result(file);
    }

    private static String swaggerUiVersion() {
        try (InputStream in = DocsRoutes.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("The swagger-ui webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = DocsRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
