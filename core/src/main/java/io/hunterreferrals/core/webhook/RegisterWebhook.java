package io.hunterreferrals.core.webhook;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Driving use case: the tenant's one registration. It is shared with Microsoft's co-sell connector and other tools, and
 * registering overwrites theirs, so a registration that sends elsewhere is replaced only when asked to by force; the
 * events it had are kept (with ours added), so another tool that shares the URL keeps what it listens for.
 */
public final class RegisterWebhook {

    private final WebhookRegistry registry;

    public RegisterWebhook(WebhookRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** What registering did. */
    public sealed interface Outcome {

        /** Made or updated; {@code replaced} is the other URL it overwrote, if any. */
        record Registered(WebhookRegistration registration, Optional<URI> replaced) implements Outcome {}

        /** Already sends every event to this URL: nothing was changed. */
        record Unchanged(WebhookRegistration registration) implements Outcome {}

        /** Another URL is registered, and no force was given: nothing was changed. */
        record Conflict(WebhookRegistration current) implements Outcome {}
    }

    /**
     * Checks a URL Partner Center can call: https, or plain http to this machine's loopback (the simulator's
     * rehearsals), with no user info or fragment.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static URI checkUrl(URI url) {
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        String host = Optional.ofNullable(url.getHost()).orElse("");
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!(scheme.equals("https") || (scheme.equals("http") && loopback))) {
            throw new IllegalArgumentException("Partner Center calls only a public https URL, e.g. "
                    + "https://hunter.example.com/api/v1/partner-center/webhooks (not " + scheme + "://" + host + ")");
        }
        if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("The webhook URL must carry no user name, password or #fragment");
        }
        return url;
    }

    public Optional<WebhookRegistration> current() {
        return registry.current();
    }

    public Outcome register(URI url, boolean force) {
        checkUrl(url);
        Optional<WebhookRegistration> current = registry.current();
        if (current.isEmpty()) {
            return new Outcome.Registered(registry.create(url, wireNames(List.of())), Optional.empty());
        }
        WebhookRegistration existing = current.get();
        boolean ours = existing.sendsTo(url);
        if (ours && existing.coversEverything()) {
            return new Outcome.Unchanged(existing);
        }
        if (!ours && !force) {
            return new Outcome.Conflict(existing);
        }
        WebhookRegistration replaced = registry.replace(url, wireNames(existing.events()));
        return new Outcome.Registered(replaced, ours ? Optional.empty() : Optional.of(existing.url()));
    }

    /** {@code kept} with every event the product needs added, in a stable order. */
    static List<String> wireNames(List<String> kept) {
        List<String> names = new ArrayList<>(kept);
        for (HintEvent event : HintEvent.REGISTERED) {
            if (names.stream().noneMatch(n -> n.equalsIgnoreCase(event.wireName()))) {
                names.add(event.wireName());
            }
        }
        return List.copyOf(names);
    }
}
