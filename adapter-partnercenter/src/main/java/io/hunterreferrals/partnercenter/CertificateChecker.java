package io.hunterreferrals.partnercenter;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Reads a downloaded certificate (DER or PEM; a leaf, optionally followed by its issuers) and decides whether its key
 * may vouch for a webhook: in date, an RSA key allowed to sign, a PKIX path to one of the trust anchors, and a leaf
 * issued to the configured organisation (pc-webhooks.md §2: "verify chain and Organization").
 *
 * <p>Revocation is not checked. The leaf's CRL and OCSP locations are Microsoft PKI hosts outside the certificate
 * allow-list, and nothing off the list is fetched; the JDK's checker would also fail closed whenever they are slow or
 * unreachable, refusing every webhook. What bounds a revoked certificate instead: only Microsoft's storage URL can
 * present one, and a verified certificate is fetched and checked again every hour.
 */
final class CertificateChecker {

    /** A certificate that passed; usable until {@code notAfter}, the earliest end of validity on its path. */
    record Trusted(X509Certificate leaf, Instant notAfter) {}

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> intermediates;
    private final String organisation;

    CertificateChecker(WebhookTrust trust) {
        this.anchors = trust.trustAnchors().stream()
                .map(root -> new TrustAnchor(root, null))
                .collect(Collectors.toUnmodifiableSet());
        this.intermediates = trust.intermediates();
        this.organisation = trust.organisation();
    }

    Trusted check(byte[] bytes, Instant now) throws CertificateProblem {
        List<X509Certificate> served = parse(bytes);
        X509Certificate leaf = served.getFirst();
        Date at = Date.from(now);
        try {
            leaf.checkValidity(at);
        } catch (CertificateExpiredException e) {
            throw CertificateProblem.untrusted(
                    "The signing certificate expired on " + leaf.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw CertificateProblem.untrusted("The signing certificate is not valid before "
                    + leaf.getNotBefore().toInstant());
        }
        if (!(leaf.getPublicKey() instanceof RSAPublicKey)) {
            throw CertificateProblem.untrusted(
                    "The signing certificate has no RSA key, so it cannot verify rsa-sha256");
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[0]) {
            throw CertificateProblem.untrusted("The signing certificate's key usage does not allow digital signatures");
        }
        if (!organisationMatches(leaf)) {
            throw CertificateProblem.untrusted(
                    "The signing certificate is not issued to the organisation O=" + organisation);
        }
        PKIXCertPathBuilderResult path = path(leaf, served, at);
        Instant notAfter = leaf.getNotAfter().toInstant();
        for (Certificate c : path.getCertPath().getCertificates()) {
            Instant end = ((X509Certificate) c).getNotAfter().toInstant();
            notAfter = end.isBefore(notAfter) ? end : notAfter;
        }
        return new Trusted(leaf, notAfter);
    }

    private static List<X509Certificate> parse(byte[] bytes) throws CertificateProblem {
        Collection<? extends Certificate> parsed;
        try {
            // Reads DER and PEM (and a PEM sequence: the leaf first, its issuers after).
            parsed = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException | RuntimeException e) {
            throw CertificateProblem.unavailable("The downloaded signing certificate is not an X.509 certificate");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : parsed) {
            if (c instanceof X509Certificate x509) {
                certificates.add(x509);
            }
        }
        if (certificates.isEmpty()) {
            throw CertificateProblem.unavailable("The downloaded signing certificate is not an X.509 certificate");
        }
        return certificates;
    }

    private PKIXCertPathBuilderResult path(X509Certificate leaf, List<X509Certificate> served, Date at)
            throws CertificateProblem {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false); // see the class comment
            params.setDate(at);
            List<X509Certificate> pool = new ArrayList<>(served);
            pool.addAll(intermediates);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            return (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(params);
        } catch (CertPathBuilderException e) {
            throw CertificateProblem.untrusted("The signing certificate does not chain to a trusted root (checked "
                    + anchors.size() + " root(s) and " + intermediates.size()
                    + " configured intermediate(s); no other certificate is downloaded)");
        } catch (GeneralSecurityException e) {
            throw CertificateProblem.untrusted("The signing certificate's chain could not be checked ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Every organisation attribute of the leaf's subject is the configured one, and there is at least one. */
    private boolean organisationMatches(X509Certificate leaf) {
        List<String> found = new ArrayList<>();
        try {
            LdapName name = new LdapName(leaf.getSubjectX500Principal().getName(X500Principal.RFC2253));
            for (Rdn rdn : name.getRdns()) {
                Attribute o = rdn.toAttributes().get("O");
                if (o != null) {
                    NamingEnumeration<?> values = o.getAll();
                    while (values.hasMore()) {
                        found.add(String.valueOf(values.next()));
                    }
                }
            }
        } catch (NamingException e) {
            return false;
        }
        return !found.isEmpty()
                && found.stream().allMatch(value -> value.strip().equals(organisation));
    }
}
