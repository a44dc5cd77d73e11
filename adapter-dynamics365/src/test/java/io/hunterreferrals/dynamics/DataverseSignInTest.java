package io.hunterreferrals.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.LeadWrite;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.simulator.DataverseFault;
import io.hunterreferrals.simulator.DataverseFaultTarget;
import io.hunterreferrals.simulator.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in with a secret or a certificate, and the refusals an operator must fix, each with its instructions. */
class DataverseSignInTest {

    @TempDir
    Path dir;

    private SimulatedDataverse dv;

    @AfterEach
    void stop() {
        if (dv != null) {
            dv.close();
        }
    }

    private static LeadDestinationException failure(DataverseLeadDestination d) {
        try {
            d.upsert(List.of(Drafts.full("ref-1")));
        } catch (LeadDestinationException e) {
            return e;
        }
        throw new AssertionError("the push went through");
    }

    @Test
    void aWrongSecretIsSignInFailedWithWhereToMakeANewOne() {
        dv = SimulatedDataverse.ready();
        DataverseLeadDestination d = dv.clients(dv.config(new DataverseCredential.ClientSecret("not-the-secret")))
                .leadDestination();

        LeadDestinationException e = failure(d);

        assertThat(e.code()).isEqualTo(PushErrorCode.SIGN_IN_FAILED);
        assertThat(e.getMessage())
                .contains("AADSTS7000215")
                .contains("Azure Portal → App registrations → " + dv.sim.clientId() + " → Certificates & secrets")
                .doesNotContain("not-the-secret");
        assertThat(e.destinationErrorCode()).contains("AADSTS7000215");
        assertThat(e.httpStatus()).contains(401);
        assertThat(dv.sim.leads().size()).isZero();
    }

    @Test
    void anExpiredSecretSaysItExpired() {
        dv = SimulatedDataverse.ready();
        dv.sim.faults().inject(DataverseFault.expiredClientSecret());

        LeadDestinationException e = failure(dv.clients().leadDestination());

        assertThat(e.code()).isEqualTo(PushErrorCode.SIGN_IN_FAILED);
        assertThat(e.getMessage()).contains("has expired").contains("Certificates & secrets");
        assertThat(e.destinationErrorCode()).contains("AADSTS7000222");
    }

    @Test
    void aCertificateFromAPkcs12FileSignsIn() throws Exception {
        TestCertificates.Credential cert = TestCertificates.generate(dir, "hunter-dv");
        dv = SimulatedDataverse.start(b -> SimulatedDataverse.withAllColumns(b).clientCertificate(cert.certificate()));
        DataverseLeadDestination d = dv.clients(
                        dv.config(new DataverseCredential.ClientCertificate(cert.pkcs12(), TestCertificates.PASSWORD)))
                .leadDestination();

        assertThat(d.upsert(List.of(Drafts.full("ref-1")))).singleElement().isInstanceOf(LeadWrite.Created.class);
        RecordedRequest token = dv.sim.journal().tokenRequests().getFirst();
        assertThat(token.formParam("client_assertion_type"))
                .contains("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(token.formParam("client_secret")).isEmpty();
    }

    @Test
    void aCertificateThatIsNotTheRegisteredOneIsRefused() throws Exception {
        TestCertificates.Credential registered = TestCertificates.generate(dir, "registered");
        TestCertificates.Credential other = TestCertificates.generate(dir, "other");
        dv = SimulatedDataverse.start(
                b -> SimulatedDataverse.withAllColumns(b).clientCertificate(registered.certificate()));

        LeadDestinationException e = failure(dv.clients(
                        dv.config(new DataverseCredential.ClientCertificate(other.pkcs12(), TestCertificates.PASSWORD)))
                .leadDestination());

        assertThat(e.code()).isEqualTo(PushErrorCode.SIGN_IN_FAILED);
        assertThat(e.getMessage())
                .contains("Certificates & secrets → Certificates")
                .contains("AADSTS700027");
    }

    @Test
    void anUnreadableCertificateFileIsAConfigurationError() throws Exception {
        TestCertificates.Credential cert = TestCertificates.generate(dir, "locked");
        dv = SimulatedDataverse.ready();

        LeadDestinationException e = failure(
                dv.clients(dv.config(new DataverseCredential.ClientCertificate(cert.pkcs12(), "wrong-password")))
                        .leadDestination());

        assertThat(e.code()).isEqualTo(PushErrorCode.CONFIGURATION_INVALID);
        assertThat(e.getMessage()).contains("HUNTER_DYNAMICS_CERTIFICATE_PATH").doesNotContain("wrong-password");
    }

    @Test
    void aMissingApplicationUserSaysHowToAddOneInThePowerPlatformAdminCentre() {
        dv = SimulatedDataverse.ready();
        dv.sim.faults().inject(DataverseFault.missingApplicationUser().on(DataverseFaultTarget.BATCH));

        LeadDestinationException e = failure(dv.clients().leadDestination());

        assertThat(e.code()).isEqualTo(PushErrorCode.APPLICATION_USER_MISSING);
        assertThat(e.getMessage())
                .contains("Power Platform admin centre → Environments → hunter-sim.crm4.dynamics.com → Settings →"
                        + " Users + permissions → Application users → + New app user")
                .contains("add the app " + dv.sim.clientId())
                .contains("create and update leads");
        assertThat(e.httpStatus()).contains(403);
        assertThat(e.destinationErrorCode()).contains("0x80072560");
        assertThat(e.requestId()).isPresent();
        assertThat(e.getMessage()).contains(e.requestId().get());
    }

    @Test
    void aMissingPrivilegeOnOneLeadStopsThePushWithTheRoleToAssign() {
        dv = SimulatedDataverse.ready();
        dv.sim.faults().inject(DataverseFault.missingPrivilege().on(DataverseFaultTarget.BATCH_ITEM));

        LeadDestinationException e = failure(dv.clients().leadDestination());

        assertThat(e.code()).isEqualTo(PushErrorCode.PRIVILEGE_MISSING);
        assertThat(e.getMessage())
                .contains("Application users")
                .contains("Create, Read and Write on Lead and Read on Currency");
        assertThat(e.destinationErrorCode()).contains("0x80040220");
        assertThat(e.requestId()).isPresent();
    }

    @Test
    void aMissingPrivilegeOnTheCurrencyLookUpIsThePushsPrivilegeToo() {
        dv = SimulatedDataverse.ready();
        dv.sim.faults().inject(DataverseFault.missingPrivilege().on(DataverseFaultTarget.READ));

        assertThatThrownBy(() -> dv.clients().leadDestination().upsert(List.of(Drafts.full("ref-1"))))
                .isInstanceOfSatisfying(
                        LeadDestinationException.class,
                        e -> assertThat(e.code()).isEqualTo(PushErrorCode.PRIVILEGE_MISSING));
    }
}
