package io.hunterreferrals.simulator;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test root CA and the leaf that signs webhook events, standing in for Microsoft's chain behind
 * {@code pcnotifications-dispatch.microsoft.com.cer} (pc-webhooks.md §2). RSA 2048, SHA256withRSA, valid from a day ago
 * for {@link #VALIDITY}, in real time: the receiver validates the chain against its own clock, not the simulator's.
 *
 * <p>One pair per JVM, made on first use and remade when it nears expiry: two RSA key pairs cost a few hundred ms, and
 * most simulator starts never send an event. Immutable and thread-safe.
 */
final class WebhookCertificates {

    static final String ROOT_SUBJECT = "CN=Hunter Referrals Simulator Root, O=Hunter Referrals Simulator";
    static final String LEAF_SUBJECT = "CN=pcnotifications-dispatch.simulator, O=Hunter Referrals Simulator";
    static final Duration VALIDITY = Duration.ofDays(4);
    private static final String ALGORITHM = "SHA256withRSA";

    private static WebhookCertificates current;

    private final X509Certificate root;
    private final X509Certificate leaf;
    private final PrivateKey leafKey;

    private WebhookCertificates(X509Certificate root, X509Certificate leaf, PrivateKey leafKey) {
        this.root = root;
        this.leaf = leaf;
        this.leafKey = leafKey;
    }

    /** The JVM's pair, made now if there is none or it expires within a day. */
    static synchronized WebhookCertificates shared() {
        Instant soon = Instant.now().plus(Duration.ofDays(1));
        if (current == null || current.leaf.getNotAfter().toInstant().isBefore(soon)) {
            current = generate();
        }
        return current;
    }

    X509Certificate root() {
        return root;
    }

    X509Certificate leaf() {
        return leaf;
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA256withRSA over exactly these bytes with the leaf's key, Base64 (standard alphabet, padded). */
    String sign(byte[] body) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(leafKey);
            s.update(body);
            return java.util.Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a webhook event", e);
        }
    }

    private static WebhookCertificates generate() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair rootKeys = rsa.generateKeyPair();
            KeyPair leafKeys = rsa.generateKeyPair();
            Instant from = Instant.now().minus(Duration.ofDays(1));
            Instant until = from.plus(Duration.ofDays(1)).plus(VALIDITY);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();

            X500Name rootName = name(ROOT_SUBJECT);
            X509v3CertificateBuilder rb =
                    builder(rootName, rootName, rootKeys.getPublic(), from, until.plus(Duration.ofDays(1)));
            rb.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            rb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            rb.addExtension(
                    Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(rootKeys.getPublic()));
            X509Certificate root = sign(rb, rootKeys.getPrivate());

            X509v3CertificateBuilder lb = builder(rootName, name(LEAF_SUBJECT), leafKeys.getPublic(), from, until);
            lb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            lb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            lb.addExtension(
                    Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(leafKeys.getPublic()));
            lb.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(root));
            X509Certificate leaf = sign(lb, rootKeys.getPrivate());
            return new WebhookCertificates(root, leaf, leafKeys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot create the simulator's webhook certificates", e);
        }
    }

    /** In the JDK's order (as keytool writes it), so getSubjectX500Principal().getName() reads CN first. */
    private static X500Name name(String dn) {
        return X500Name.getInstance(new X500Principal(dn).getEncoded());
    }

    private static X509v3CertificateBuilder builder(
            X500Name issuer, X500Name subject, PublicKey key, Instant from, Instant until) {
        BigInteger serial = new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(until), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder(ALGORITHM).build(issuerKey)));
    }
}
