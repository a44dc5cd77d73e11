package io.hunterreferrals.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.company.Company;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.CompanyResolution;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.domainname.Domain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CompanyDirectory} must do; run against the in-memory directory and PostgreSQL. */
public abstract class CompanyDirectoryContract {

    private static final Domain CONTOSO = Domain.of("contoso.com.tr");

    protected CompanyDirectory directory;

    protected abstract CompanyDirectory createDirectory();

    @BeforeEach
    void createDirectoryUnderTest() {
        directory = createDirectory();
    }

    @Test
    void createsMissingCompaniesOncePerDomain() {
        Map<Domain, CompanyResolution> first = directory.findOrCreate(List.of(
                new CompanyCandidate(CONTOSO, "Contoso", CompanySource.PARTNER_CENTER),
                new CompanyCandidate(Domain.of("fabrikam.de"), null, CompanySource.PARTNER_CENTER)));
        Map<Domain, CompanyResolution> again =
                directory.findOrCreate(List.of(new CompanyCandidate(CONTOSO, "Other name", CompanySource.IMPORT)));

        assertThat(first).hasSize(2);
        assertThat(first.get(CONTOSO).created()).isTrue();
        assertThat(again.get(CONTOSO))
                .isEqualTo(new CompanyResolution(first.get(CONTOSO).id(), false));
        assertThat(directory.findByDomain(CONTOSO)).map(Company::name).contains("Contoso");
        assertThat(directory.findByDomain(Domain.of("fabrikam.de")))
                .map(Company::name)
                .contains("fabrikam.de");
        assertThat(directory.findByDomain(CONTOSO)).map(Company::source).contains(CompanySource.PARTNER_CENTER);
    }

    @Test
    void findsNothingForAnUnknownDomain() {
        assertThat(directory.findByDomain(Domain.of("unknown-company.de"))).isEmpty();
        assertThat(directory.findOrCreate(List.of())).isEmpty();
    }

    @Test
    void concurrentCallersNeverCreateTwoCompaniesForOneDomain() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<CompanyId>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return directory
                            .findOrCreate(
                                    List.of(new CompanyCandidate(CONTOSO, "Contoso", CompanySource.PARTNER_CENTER)))
                            .get(CONTOSO)
                            .id();
                }));
            }
            start.countDown();
            Set<CompanyId> ids = new HashSet<>();
            for (Future<CompanyId> result : results) {
                ids.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
