package io.hunterreferrals.http;

/** {@code {"lead_domain": "contoso.com"}}: any host, e-mail address or URL form of the lead's domain. */
record LinkBody(String leadDomain) {

    static final LinkBody EMPTY = new LinkBody(null);
}
