package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.simulator.WebhookDelivery.Status;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events raised when referrals change arrive signed like Partner Center's, and verify with the served certificates. */
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WebhookReceiver receiver = new WebhookReceiver();
    private PartnerCenterSimulator sim;
    private WebhookCalls api;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder()
                .referrals(3)
                .webhookRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(4))
                .build()
                .start();
        api = WebhookCalls.of(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    private void register(boolean msSignatureHeader, String... events) {
        assertThat(api.register(receiver.url("/hook"), msSignatureHeader, events)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aCreatedReferralArrivesSignedAndVerifiesAgainstTheServedChain() throws Exception {
        register(false, "referral-created", "referral-updated");

        String id = Http.post(sim.baseUrl() + "/_simulator/referrals?count=1")
                .json()
                .path("added")
                .get(0)
                .asText();
        WebhookReceiver.Received got = receiver.await(1, WAIT).getFirst();

        String updated =
                sim.referrals().get(id).orElseThrow().path("updatedDateTime").asText();
        assertThat(got.path()).isEqualTo("/hook");
        assertThat(got.header("Content-Type")).isEqualTo("application/json");
        assertThat(got.text())
                .isEqualTo("{\"EventName\":\"referral-created\","
                        + "\"ResourceUri\":\"https://api.partnercenter.microsoft.com/engagements/v1/referrals/" + id
                        + "\",\"ResourceName\":\"referral\",\"AuditUri\":null,\"ResourceChangeUtcDate\":\""
                        + got.json().path("ResourceChangeUtcDate").asText() + "\"}");
        String changeDate = got.json().path("ResourceChangeUtcDate").asText();
        assertThat(changeDate).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+00:00");
        assertThat(OffsetDateTime.parse(changeDate).toInstant()).isEqualTo(Instant.parse(updated));
        assertThat(got.header("X-MS-Signature-Algorithm")).isEqualTo("rsa-sha256");
        assertThat(got.header("X-MS-Certificate-Url"))
                .isEqualTo(sim.webhookCertificateUrl().toString());
        assertThat(got.header("x-ms-signature")).isNull();

        X509Certificate leaf = certificate(got.header("X-MS-Certificate-Url"));
        X509Certificate root = certificate(sim.baseUrl() + "/cert/simulator-root.cer");
        assertThat(root).isEqualTo(sim.webhookRootCertificate());
        assertThat(verifies(leaf, got.body(), got.header("Authorization"))).isTrue();
        assertThat(verifies(leaf, (got.text() + " ").getBytes(), got.header("Authorization")))
                .isFalse();
        assertChainsTo(leaf, root);
        assertThat(leaf.getSubjectX500Principal().getName())
                .isEqualTo("CN=pcnotifications-dispatch.simulator,O=Hunter Referrals Simulator");
        assertThat(root.getSubjectX500Principal().getName())
                .isEqualTo("CN=Hunter Referrals Simulator Root,O=Hunter Referrals Simulator");

        assertThat(sim.webhooks().awaitIdle(WAIT)).isTrue();
        WebhookDelivery d = sim.webhooks().deliveries().getFirst();
        assertThat(d.status()).isEqualTo(Status.DELIVERED);
        assertThat(d.referralId()).isEqualTo(id);
        assertThat(d.attempts())
                .singleElement()
                .satisfies(a -> assertThat(a.statusCode()).isEqualTo(200));
    }

    @Test
    void theMsSignatureHeaderVariantCarriesTheSameToken() throws Exception {
        register(true, "referral-updated");
        String id = sim.referrals().ids().getFirst();

        sim.referrals().touch(id);
        WebhookReceiver.Received got = receiver.await(1, WAIT).getFirst();

        assertThat(got.json().path("EventName").asText()).isEqualTo("referral-updated");
        assertThat(got.header("Authorization")).isNull();
        assertThat(got.header("x-ms-signature")).startsWith("Signature ");
        assertThat(verifies(certificate(got.header("X-MS-Certificate-Url")), got.body(), got.header("x-ms-signature")))
                .isTrue();
    }

    @Test
    void everyKindOfChangeRaisesOneEventInOrder() {
        register(false, "referral-created", "referral-updated");
        List<String> ids = sim.referrals().ids();

        sim.referrals().changeStatus(ids.get(0), "Active", "Accepted");
        sim.referrals().touch(ids.get(1));
        sim.referrals().update(ids.get(2), r -> r.put("name", "renamed"));
        String added = sim.referrals().addNew(r -> r.put("name", "customized"));
        sim.referrals().injectRaw("{\"id\":\"raw-1\",\"updatedDateTime\":\"2025-01-02T03:04:05.0000000Z\"}");
        sim.referrals().injectRaw("{\"name\":\"no id, no event\"}");
        Http.Response patched = Http.send(HttpRequest.newBuilder(
                        URI.create(sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH + "/" + ids.get(0)))
                .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString(
                                "[{\"op\":\"replace\",\"path\":\"/externalReferenceId\",\"value\":\"LEAD-1\"}]"))
                .header("Authorization", "Bearer " + sim.identity().issueAccessToken())
                .header("Content-Type", "application/json")
                .build());
        assertThat(patched.status()).isEqualTo(204);

        List<String> seen = receiver.await(6, WAIT).stream()
                .map(r -> r.json().path("EventName").asText() + " "
                        + r.json().path("ResourceUri").asText().replaceAll(".*/", ""))
                .toList();
        assertThat(seen)
                .containsExactly(
                        "referral-updated " + ids.get(0),
                        "referral-updated " + ids.get(1),
                        "referral-updated " + ids.get(2),
                        "referral-created " + added,
                        "referral-created raw-1",
                        "referral-updated " + ids.get(0));
        assertThat(receiver.await(6, WAIT)
                        .get(4)
                        .json()
                        .path("ResourceChangeUtcDate")
                        .asText())
                .isEqualTo("2025-01-02T03:04:05.0000000+00:00");
    }

    @Test
    void eventsTheRegistrationDoesNotListAreNotSent() {
        register(false, "referral-created");

        sim.referrals().touch(sim.referrals().ids().getFirst());
        String id = sim.referrals().addNew();

        assertThat(receiver.await(1, WAIT).getFirst().text()).contains(id);
        assertThat(sim.webhooks().awaitIdle(WAIT)).isTrue();
        assertThat(receiver.received()).hasSize(1);
        assertThat(sim.webhooks().deliveries()).hasSize(1);
    }

    @Test
    void failedAttemptsAreRetriedTenTimesThenTheEventIsDropped() {
        register(false, "referral-updated");
        receiver.answer(500);
        String id = sim.referrals().ids().getFirst();

        sim.referrals().touch(id);
        sim.referrals().touch(sim.referrals().ids().get(1));

        assertThat(sim.webhooks().awaitIdle(WAIT)).isTrue();
        assertThat(receiver.received()).hasSize(20);
        List<WebhookDelivery> all = sim.webhooks().deliveries();
        assertThat(all).hasSize(2).allSatisfy(d -> assertThat(d.status()).isEqualTo(Status.DROPPED));
        assertThat(all.getFirst().attempts())
                .hasSize(10)
                .allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(500));
        // In order: every attempt of the first event came before the second event's first.
        assertThat(receiver.received().subList(0, 10))
                .allSatisfy(r -> assertThat(r.text()).contains(id));
    }

    @Test
    void aReceiverThatRecoversGetsTheEventOnALaterAttempt() {
        register(false, "referral-updated");
        receiver.script(503, 401, 500);

        sim.referrals().touch(sim.referrals().ids().getFirst());

        assertThat(sim.webhooks().awaitIdle(WAIT)).isTrue();
        WebhookDelivery d = sim.webhooks().deliveries().getFirst();
        assertThat(d.status()).isEqualTo(Status.DELIVERED);
        assertThat(d.attempts()).extracting(WebhookDelivery.Attempt::statusCode).containsExactly(503, 401, 500, 200);
        assertThat(receiver.received())
                .extracting(WebhookReceiver.Received::text)
                .containsOnly(d.body());
    }

    @Test
    void anUnreachableUrlIsAFailedAttemptToo() {
        URI closed = receiver.url("/gone");
        receiver.close();
        assertThat(api.register(closed, false, "referral-updated").status()).isEqualTo(201);

        sim.referrals().touch(sim.referrals().ids().getFirst());

        assertThat(sim.webhooks().awaitIdle(WAIT)).isTrue();
        WebhookDelivery d = sim.webhooks().deliveries().getFirst();
        assertThat(d.status()).isEqualTo(Status.DROPPED);
        assertThat(d.attempts()).hasSize(10).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(-1);
            assertThat(a.error()).isNotBlank();
        });
    }

    @Test
    void eventsRaisedWhilePausedAreLost() {
        register(false, "referral-created", "referral-updated");
        String first = sim.referrals().ids().getFirst();

        sim.webhooks().pause();
        sim.referrals().touch(first);
        String added = sim.referrals().addNew();
        sim.webhooks().resume();
        sim.referrals().touch(sim.referrals().ids().get(1));

        assertThat(receiver.await(1, WAIT)).hasSize(1);
        assertThat(sim.webhooks().awaitIdle(WAIT)).isTrue();
        assertThat(receiver.received()).hasSize(1);
        assertThat(sim.webhooks().deliveries())
                .extracting(d -> d.referralId() + " " + d.status())
                .containsExactly(
                        first + " LOST", added + " LOST", sim.referrals().ids().get(1) + " DELIVERED");
        assertThat(sim.webhooks().deliveries().getFirst().attempts()).isEmpty();
    }

    @Test
    void resendLastSendsTheSameBytesAgain() {
        register(false, "referral-created", "referral-updated");
        String id = sim.referrals().addNew();
        receiver.await(1, WAIT);

        WebhookDelivery again = sim.webhooks().resendLast();
        List<WebhookReceiver.Received> both = receiver.await(2, WAIT);

        assertThat(again.referralId()).isEqualTo(id);
        assertThat(both.get(1).body()).isEqualTo(both.get(0).body());
        assertThat(both.get(1).header("Authorization")).isEqualTo(both.get(0).header("Authorization"));
        assertThat(sim.webhooks().deliveries()).hasSize(2);
    }

    @Test
    void anotherToolsRegistrationIsNeverCalled() {
        sim.webhooks().seedCoSellConnector();

        sim.referrals().touch(sim.referrals().ids().getFirst());

        assertThat(sim.webhooks().awaitIdle(WAIT)).isTrue();
        WebhookDelivery d = sim.webhooks().deliveries().getFirst();
        assertThat(d.url()).isEqualTo(SimulatedWebhooks.CO_SELL_CONNECTOR_URL);
        assertThat(d.status()).isEqualTo(Status.DELIVERED);
        assertThat(d.attempts().getFirst().response()).contains("not sent");
        assertThat(d.headers()).containsKey("x-ms-signature");
    }

    @Test
    void relatedReferralEventsAreRaisedOnRequest() {
        register(false, "related-referral-updated");
        String id = sim.referrals().ids().getFirst();

        assertThat(sim.webhooks().raise("related-referral-updated", id)).isPresent();
        assertThat(sim.webhooks().raise("referral-updated", id)).isEmpty();

        assertThat(receiver.await(1, WAIT).getFirst().json().path("EventName").asText())
                .isEqualTo("related-referral-updated");
    }

    @Test
    void aChangeAfterCloseIsLostNotThrown() {
        register(false, "referral-updated");
        sim.close();

        sim.referrals().touch(sim.referrals().ids().getFirst());

        assertThat(sim.webhooks().deliveries())
                .singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(Status.LOST));
    }

    static X509Certificate certificate(String url) throws Exception {
        HttpResponse<byte[]> r = Http.CLIENT.send(
                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(r.body()));
    }

    /** What a receiver does (pc-webhooks.md §5.3): RSA-SHA256 over the raw bytes, the token after "Signature ". */
    static boolean verifies(X509Certificate leaf, byte[] body, String header) throws Exception {
        assertThat(header).startsWith("Signature ");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(leaf.getPublicKey());
        s.update(body);
        return s.verify(Base64.getDecoder().decode(header.split(" ")[1]));
    }

    static void assertChainsTo(X509Certificate leaf, X509Certificate root) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params);
    }
}
