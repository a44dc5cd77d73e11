package io.hunterreferrals.core.domainname;

import io.hunterreferrals.core.referral.CustomerId;
import io.hunterreferrals.core.referral.Referral;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the customer's company domain in a referral. The chain, first usable hit wins: the customer team's e-mails in
 * order, a {@code customerProfile.ids[]} External id that parses as a URL or host, legacy {@code website} /
 * {@code companyWebsite}, legacy {@code contact.email} / {@code email}. Consumer mailbox domains are skipped everywhere
 * (docs/adr/0004).
 */
public final class CompanyDomainExtractor {

    private record Candidate(String text, DomainSource source) {}

    public DomainExtraction extract(Referral referral) {
        DomainExtraction.NotFound firstMiss = DomainExtraction.NotFound.NO_CANDIDATES;
        for (Candidate candidate : candidates(referral)) {
            switch (DomainParser.parseCompanyDomain(candidate.text())) {
                case DomainParseResult.Parsed parsed -> {
                    return new DomainExtraction.Found(parsed.domain(), parsed.rawHost(), candidate.source());
                }
                case DomainParseResult.Rejected rejected -> {
                    if (firstMiss.rawHost() == null && rejected.rawHost() != null) {
                        firstMiss = new DomainExtraction.NotFound(
                                rejected.rawHost(), candidate.source(), rejected.reason());
                    }
                }
            }
        }
        return firstMiss;
    }

    private static List<Candidate> candidates(Referral referral) {
        List<Candidate> candidates = new ArrayList<>();
        referral.customer()
                .teamEmails()
                .forEach(email -> candidates.add(new Candidate(email, DomainSource.CUSTOMER_TEAM_EMAIL)));
        // Most External ids are CRM keys such as "CRM-42"; only dotted ones can be a web address.
        referral.customer().ids().stream()
                .filter(CustomerId::isExternal)
                .filter(id -> id.id().contains("."))
                .forEach(id -> candidates.add(new Candidate(id.id(), DomainSource.CUSTOMER_EXTERNAL_ID)));
        addIfPresent(candidates, referral.legacy().website(), DomainSource.LEGACY_WEBSITE);
        addIfPresent(candidates, referral.legacy().companyWebsite(), DomainSource.LEGACY_WEBSITE);
        addIfPresent(candidates, referral.legacy().contactEmail(), DomainSource.LEGACY_CONTACT_EMAIL);
        addIfPresent(candidates, referral.legacy().email(), DomainSource.LEGACY_CONTACT_EMAIL);
        return candidates;
    }

    private static void addIfPresent(List<Candidate> candidates, String text, DomainSource source) {
        if (text != null && !text.isBlank()) {
            candidates.add(new Candidate(text, source));
        }
    }
}
