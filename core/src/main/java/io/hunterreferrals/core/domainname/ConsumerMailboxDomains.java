package io.hunterreferrals.core.domainname;

import java.util.Set;

/**
 * Mailbox providers whose domains never identify a company: an e-mail at one of them says nothing about the customer's
 * organisation. The one list of them; extend it here.
 */
public final class ConsumerMailboxDomains {

    private static final Set<String> DOMAINS = Set.of(
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "hotmail.com",
            "hotmail.com.tr",
            "live.com",
            "msn.com",
            "yahoo.com",
            "yahoo.co.uk",
            "ymail.com",
            "aol.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "protonmail.com",
            "proton.me",
            "zoho.com",
            "mail.com",
            "gmx.com",
            "gmx.de",
            "web.de",
            "yandex.com",
            "yandex.com.tr",
            "yandex.ru",
            "mail.ru",
            "qq.com",
            "163.com");

    private ConsumerMailboxDomains() {}

    public static boolean contains(Domain domain) {
        return DOMAINS.contains(domain.value());
    }

    public static Set<String> all() {
        return DOMAINS;
    }
}
