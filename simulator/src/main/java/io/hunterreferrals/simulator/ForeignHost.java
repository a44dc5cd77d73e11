package io.hunterreferrals.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A second, unrelated host that the foreign-nextLink fault points clients at. It answers every request with an empty
 * page and records it, so a test can prove that no bearer token ever reached it. It binds 127.0.0.2 (another loopback
 * address, so the host name differs from the API's), or falls back to "localhost" where that address is unavailable.
 */
public final class ForeignHost implements AutoCloseable {

    private final RequestJournal journal;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;

    ForeignHost(Clock clock, int journalCapacity) {
        this.journal = new RequestJournal(journalCapacity);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpServer bound;
        String host;
        try {
            bound = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
            host = "127.0.0.2";
        } catch (IOException e) {
            try {
                bound = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                host = "localhost";
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
        this.server = bound;
        this.baseUrl = "http://" + host + ":" + bound.getAddress().getPort();
        server.createContext(
                "/",
                new HttpFront(
                        "foreign",
                        clock,
                        journal,
                        request -> Reply.json(
                                200,
                                Json.object()
                                        .put("@odata.context", baseUrl + "/v1.0/$metadata#Referrals")
                                        .put("@odata.count", 0)
                                        .set("value", Json.MAPPER.createArrayNode()))));
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public RequestJournal journal() {
        return journal;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
