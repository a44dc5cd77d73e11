package io.hunterreferrals.core.domainname;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A company's registrable web domain in canonical form: lower-case ASCII (IDNs in punycode), no {@code www.}, no
 * trailing dot, reduced with the Public Suffix List ({@code mail.contoso.co.uk} becomes {@code contoso.co.uk}). Build
 * one from operator or API text with {@link #of(String)}; the canonical constructor only checks the syntax, for values
 * read back from storage.
 */
public record Domain(String value) {

    private static final Pattern CANONICAL =
            Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Domain {
        Objects.requireNonNull(value, "domain");
        if (!CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a canonical domain: '" + value + "'");
        }
    }

    /**
     * Parses a host, e-mail address or URL into its registrable domain.
     *
     * @throws InvalidDomainException with the reason when the text is not a usable domain
     */
    public static Domain of(String text) {
        return switch (DomainParser.parse(text)) {
            case DomainParseResult.Parsed parsed -> parsed.domain();
            case DomainParseResult.Rejected rejected -> throw new InvalidDomainException(rejected.reason(), text);
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
