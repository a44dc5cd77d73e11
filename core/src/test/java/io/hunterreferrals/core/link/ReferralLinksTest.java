package io.hunterreferrals.core.link;

import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static io.hunterreferrals.core.testing.TestReferrals.aReferralOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainRejection;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralSync;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncSettings;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryCompanyDirectory;
import io.hunterreferrals.core.testing.InMemoryReferralQueries;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.core.testing.InMemoryReferralStore;
import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferralLinksTest {

    private final InMemoryReferralSource source = new InMemoryReferralSource(10);
    private final InMemoryReferralStore store = new InMemoryReferralStore();
    private final InMemoryCompanyDirectory companies = new InMemoryCompanyDirectory();
    private final ReferralLinks links =
            new ReferralLinks(store, companies, new InMemoryReferralQueries(store, companies));
    private final ReferralSync sync = new ReferralSync(
            source,
            store,
            companies,
            new InMemorySyncRunLog(),
            SyncSettings.DEFAULT,
            new ClassificationRulePcV1(),
            Clock.systemUTC(),
            SyncListener.NONE);
    private CompanyId fabrikam;

    @BeforeEach
    void storeReferrals() {
        source.put(
                aReferralOf("r-1", "Contoso", "contoso.com.tr").build(),
                aReferral("r-2")
                        .customer(new CustomerProfile("Ayşe Yılmaz", "TR", null, List.of("ayse@gmail.com"), List.of()))
                        .build());
        sync.sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL));
        fabrikam = companies
                .findOrCreate(List.of(new CompanyCandidate(Domain.of("fabrikam.de"), "Fabrikam", CompanySource.IMPORT)))
                .get(Domain.of("fabrikam.de"))
                .id();
    }

    @Test
    void linksToAnExistingLeadWhateverFormTheDomainIsTypedIn() {
        LinkOutcome outcome = links.link(ReferralId.of("r-2"), "https://WWW.Fabrikam.de/");

        assertThat(outcome)
                .isEqualTo(new LinkOutcome.Linked(ReferralId.of("r-2"), fabrikam, Domain.of("fabrikam.de"), false));
        assertThat(store.row("r-2").orElseThrow().linkStatus()).isEqualTo(LinkStatus.MANUAL_LINKED);
        assertThat(store.row("r-2").orElseThrow().linkedCompany()).contains(fabrikam);
    }

    @Test
    void aManualLinkOutlivesTheNextSync() {
        links.link(ReferralId.of("r-1"), "fabrikam.de");

        source.put(
                aReferralOf("r-1", "Contoso", "contoso.com.tr").status("Active").build());
        sync.sync(SyncRequest.of(SyncTrigger.SCHEDULED, SyncMode.FULL));

        assertThat(store.row("r-1").orElseThrow().linkedCompany()).contains(fabrikam);
        assertThat(store.row("r-1").orElseThrow().record().referral().status().raw())
                .isEqualTo("Active");
    }

    @Test
    void saysWhyALinkCannotBeMade() {
        assertThat(links.link(ReferralId.of("r-2"), "unknown-company.de"))
                .isEqualTo(new LinkOutcome.LeadNotFound(Domain.of("unknown-company.de")));
        assertThat(links.link(ReferralId.of("nope"), "fabrikam.de"))
                .isEqualTo(new LinkOutcome.ReferralNotFound(ReferralId.of("nope")));
        assertThat(links.link(ReferralId.of("r-2"), "gmail.com"))
                .isInstanceOfSatisfying(LinkOutcome.InvalidDomain.class, invalid -> {
                    assertThat(invalid.reason()).isEqualTo(DomainRejection.CONSUMER_MAILBOX);
                    assertThat(invalid.message()).contains("consumer mailbox");
                });
    }

    @Test
    void anUnlinkOutlivesTheNextSync() {
        assertThat(links.unlink(ReferralId.of("r-1"))).isEqualTo(new LinkOutcome.Unlinked(ReferralId.of("r-1")));

        source.put(
                aReferralOf("r-1", "Contoso", "contoso.com.tr").status("Active").build());
        sync.sync(SyncRequest.of(SyncTrigger.SCHEDULED, SyncMode.FULL));

        assertThat(store.row("r-1").orElseThrow().linkStatus()).isEqualTo(LinkStatus.MANUAL_UNLINKED);
        assertThat(store.row("r-1").orElseThrow().linkedCompany()).isEmpty();
        assertThat(links.unlink(ReferralId.of("nope")))
                .isEqualTo(new LinkOutcome.ReferralNotFound(ReferralId.of("nope")));
    }

    @Test
    void createsALeadFromTheReferralsOwnDomain() {
        source.put(aReferralOf("r-3", "Northwind", "northwind.com.tr").build());
        InMemoryCompanyDirectory empty = new InMemoryCompanyDirectory();
        InMemoryReferralStore freshStore = new InMemoryReferralStore();
        new ReferralSync(
                        source,
                        freshStore,
                        empty,
                        new InMemorySyncRunLog(),
                        SyncSettings.DEFAULT,
                        new ClassificationRulePcV1(),
                        Clock.systemUTC(),
                        SyncListener.NONE)
                .sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL));
        freshStore.recordOperatorLink(ReferralId.of("r-3"), new io.hunterreferrals.core.company.OperatorLink.Unlink());
        ReferralLinks freshLinks = new ReferralLinks(freshStore, empty, new InMemoryReferralQueries(freshStore, empty));

        LinkOutcome outcome =
                freshLinks.createLead(ReferralId.of("r-3"), Optional.of("Northwind Traders A.Ş."), Optional.empty());

        assertThat(outcome).isInstanceOfSatisfying(LinkOutcome.Linked.class, linked -> {
            assertThat(linked.domain()).isEqualTo(Domain.of("northwind.com.tr"));
            assertThat(linked.companyCreated()).isFalse();
        });
        assertThat(freshStore.row("r-3").orElseThrow().linkStatus()).isEqualTo(LinkStatus.MANUAL_LINKED);
    }

    @Test
    void createLeadMakesTheCompanyWhenItIsMissing() {
        InMemoryCompanyDirectory directory = new InMemoryCompanyDirectory();
        ReferralLinks otherLinks = new ReferralLinks(store, directory, new InMemoryReferralQueries(store, directory));

        LinkOutcome outcome =
                otherLinks.createLead(ReferralId.of("r-1"), Optional.empty(), Optional.of("met at a fair"));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        LinkOutcome.Linked.class,
                        linked -> assertThat(linked.companyCreated()).isTrue());
        assertThat(directory
                        .findByDomain(Domain.of("contoso.com.tr"))
                        .orElseThrow()
                        .name())
                .isEqualTo("Contoso");
        assertThat(directory
                        .findByDomain(Domain.of("contoso.com.tr"))
                        .orElseThrow()
                        .source())
                .isEqualTo(CompanySource.MANUAL);
    }

    @Test
    void createLeadNeedsADomain() {
        assertThat(links.createLead(ReferralId.of("r-2"), Optional.empty(), Optional.empty()))
                .isEqualTo(new LinkOutcome.NoDomain(ReferralId.of("r-2")));
        assertThat(links.createLead(ReferralId.of("nope"), Optional.empty(), Optional.empty()))
                .isEqualTo(new LinkOutcome.ReferralNotFound(ReferralId.of("nope")));
    }
}
