package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.notify.Delivery;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.testing.TestNotifications;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Workers sharing one outbox: each delivery goes to one of them, and a referral's events stay in order. */
@ExtendWith(PostgresExtension.class)
class OutboxConcurrencyTest {

    private static final int REFERRALS = 40;
    private static final int EVENTS_EACH = 5;

    private final DataSource ds;

    OutboxConcurrencyTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Test
    void fourWorkersNeverClaimOneDeliveryTwiceAndDeliverEachReferralsEventsInOrder() throws Exception {
        List<Event> events = new ArrayList<>();
        for (int round = 0; round < EVENTS_EACH; round++) {
            for (int r = 0; r < REFERRALS; r++) {
                events.add(Event.aboutReferral(
                        round == 0 ? EventType.REFERRAL_CREATED : EventType.REFERRAL_UPDATED,
                        TestNotifications.facts("r-" + r, "Contoso"),
                        List.of()));
            }
        }
        Seed.dsl(ds).transaction(cfg -> OutboxWriter.append(cfg.dsl(), events, Times.odt(Instant.now())));
        int workers = 4;
        CyclicBarrier start = new CyclicBarrier(workers);
        List<Delivery> delivered = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                runs.add(CompletableFuture.runAsync(
                        () -> {
                            JooqOutbox outbox = new JooqOutbox(ds);
                            await(start);
                            // every worker routes and claims as the delivery worker does, racing the others
                            while (true) {
                                outbox.route(50, e -> Set.of("webhook"), Instant.now());
                                List<Delivery> claimed =
                                        outbox.claim("webhook", 7, Instant.now(), Duration.ofMinutes(2));
                                if (claimed.isEmpty()) {
                                    if (delivered.size() >= REFERRALS * EVENTS_EACH) {
                                        return;
                                    }
                                    Thread.onSpinWait();
                                    continue;
                                }
                                for (Delivery d : claimed) {
                                    delivered.add(d);
                                    outbox.recordDelivered(d.id(), Instant.now(), "HTTP 200");
                                }
                            }
                        },
                        pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
                    .get(2, java.util.concurrent.TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        assertThat(delivered).hasSize(REFERRALS * EVENTS_EACH);
        assertThat(delivered.stream().map(Delivery::id).distinct()).hasSize(REFERRALS * EVENTS_EACH);
        assertThat(delivered).extracting(Delivery::attempt).containsOnly(1);
        // per referral, the order they were delivered in is the order they were written in
        Map<String, List<Long>> perReferral = new HashMap<>();
        synchronized (delivered) {
            for (Delivery d : delivered) {
                perReferral
                        .computeIfAbsent(
                                d.event().event().referral().orElseThrow().id().value(), k -> new ArrayList<>())
                        .add(d.event().sequence());
            }
        }
        assertThat(perReferral).hasSize(REFERRALS);
        perReferral
                .values()
                .forEach(sequences -> assertThat(sequences).isSorted().hasSize(EVENTS_EACH));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
