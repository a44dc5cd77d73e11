package io.hunterreferrals.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The operators' web UI at {@code /mini-ui/} (the runbooks' address; {@code /} redirects there): plain ES modules, CSS
 * and an HTML shell from this jar's {@code mini-ui} folder, no build step. Every file is served with an ETag (a hash of
 * its bytes) and {@code Cache-Control: no-cache}, so a browser revalidates with one cheap request and a new release is
 * picked up at once, without renaming files.
 *
 * <p>Only names of the {@link #ASSET_NAME} shape, at most one {@link #FOLDER_NAME} deep, are looked up, and only under
 * the UI's own folder, so no other classpath resource (classes, configuration) is reachable through this route.
 */
final class MiniUiRoutes {

    static final String ROOT = "/mini-ui";
    static final String PAGE = ROOT + "/";
    private static final String FILES = "/io/hunterreferrals/http/mini-ui/";
    /** A lower-case name with one extension: {@code inbox.js}; folders are lower-case words: {@code js}. */
    static final Pattern ASSET_NAME = Pattern.compile("[a-z0-9-]+\\.(js|css|svg)");

    static final Pattern FOLDER_NAME = Pattern.compile("[a-z0-9-]+");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "html", "text/html; charset=utf-8");

    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect(PAGE, HttpStatus.FOUND));
        // Javalin ignores trailing slashes, so this serves /mini-ui too; the page's relative module URLs need the
        // slash.
        routes.get(PAGE, ctx -> {
            if (!ctx.path().endsWith("/")) {
                ctx.redirect(PAGE, HttpStatus.MOVED_PERMANENTLY);
                return;
            }
            serve(ctx, "index.html");
        });
        routes.get(PAGE + "{asset}", ctx -> asset(ctx, ""));
        routes.get(PAGE + "{folder}/{asset}", ctx -> asset(ctx, folder(ctx) + "/"));
    }

    static boolean isUiPath(String path) {
        return path.equals(ROOT) || path.startsWith(PAGE);
    }

    private void asset(Context ctx, String folder) {
        String name = ctx.pathParam("asset");
        if (!ASSET_NAME.matcher(name).matches()) {
            throw notFound(folder + name);
        }
        serve(ctx, folder + name);
    }

    private static String folder(Context ctx) {
        String folder = ctx.pathParam("folder");
        if (!FOLDER_NAME.matcher(folder).matches()) {
            throw notFound(folder);
        }
        return folder;
    }

    private void serve(Context ctx, String name) {
        Asset asset = cache.computeIfAbsent(name, MiniUiRoutes::load).orElseThrow(() -> notFound(name));
        ctx.header("ETag", asset.etag());
        ctx.header("Cache-Control", "no-cache");
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(asset.type()).result(asset.bytes());
    }

    private static Optional<Asset> load(String name) {
        try (InputStream in = MiniUiRoutes.class.getResourceAsStream(FILES + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            return Optional.of(new Asset(bytes, type, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiError notFound(String name) {
        String shown = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        return ApiError.notFound("not_found", "No UI file " + shown + ".");
    }

    private record Asset(byte[] bytes, String type, String etag) {}
}
