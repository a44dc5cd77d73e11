package io.hunterreferrals.partnercenter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away certificates made with the JDK's keytool at test time (no private key is ever committed): a root, a leaf
 * it signed, the same key signed as another organisation and as an expired certificate, and the leaf's own self-signed
 * certificate, which chains to nothing.
 */
final class WebhookCertificates {

    static final String ORGANISATION = "Test Org";
    private static final String PASSWORD = "changeit";

    final X509Certificate root;
    final PrivateKey rootKey;
    final X509Certificate leaf;
    final PrivateKey leafKey;
    final byte[] leafDer;
    final byte[] wrongOrganisationDer;
    final byte[] expiredDer;
    final byte[] selfSignedDer;

    private WebhookCertificates(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path rootStore = dir.resolve("root.p12");
        Path leafStore = dir.resolve("leaf.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "root",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=Test Root, O=" + ORGANISATION,
                "-ext",
                "bc:c",
                "-validity",
                "30",
                "-storetype",
                "PKCS12",
                "-keystore",
                rootStore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-genkeypair",
                "-alias",
                "leaf",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=pcnotifications-dispatch, O=" + ORGANISATION,
                "-validity",
                "30",
                "-storetype",
                "PKCS12",
                "-keystore",
                leafStore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        Path csr = dir.resolve("leaf.csr");
        keytool(
                "-certreq",
                "-alias",
                "leaf",
                "-keystore",
                leafStore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                csr.toString());
        leafDer = gencert(dir, rootStore, csr, "leaf.cer", "-validity", "30", "-ext", "ku:c=digitalSignature");
        wrongOrganisationDer = gencert(
                dir,
                rootStore,
                csr,
                "wrong-o.cer",
                "-validity",
                "30",
                "-dname",
                "CN=pcnotifications-dispatch, O=Other Org");
        expiredDer = gencert(dir, rootStore, csr, "expired.cer", "-startdate", "-10d", "-validity", "2");

        KeyStore roots = load(rootStore);
        root = (X509Certificate) roots.getCertificate("root");
        rootKey = (PrivateKey) roots.getKey("root", PASSWORD.toCharArray());
        KeyStore leaves = load(leafStore);
        leafKey = (PrivateKey) leaves.getKey("leaf", PASSWORD.toCharArray());
        selfSignedDer = leaves.getCertificate("leaf").getEncoded();
        leaf = parse(leafDer);
    }

    private static WebhookCertificates shared;

    /** One set per JVM: six keytool runs take seconds. The key stores are deleted once read. */
    static synchronized WebhookCertificates shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("webhook-certs");
                try {
                    shared = new WebhookCertificates(dir);
                } finally {
                    try (var files = Files.list(dir)) {
                        for (Path f : files.toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(dir);
                }
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("could not make the test certificates", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while making the test certificates", e);
            }
        }
        return shared;
    }

    /** The leaf, PEM-encoded. */
    String leafPem() {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(leafDer)
                + "\n-----END CERTIFICATE-----\n";
    }

    String sign(byte[] body) throws GeneralSecurityException {
        return sign(leafKey, body);
    }

    static String sign(PrivateKey key, byte[] body) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(body);
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    static X509Certificate parse(byte[] der) throws GeneralSecurityException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    private static byte[] gencert(Path dir, Path rootStore, Path csr, String name, String... extra)
            throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of(
                "-gencert",
                "-alias",
                "root",
                "-keystore",
                rootStore.toString(),
                "-storepass",
                PASSWORD,
                "-infile",
                csr.toString(),
                "-outfile",
                out.toString()));
        args.addAll(List.of(extra));
        keytool(args.toArray(String[]::new));
        return Files.readAllBytes(out);
    }

    private static KeyStore load(Path store) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(
                    "keytool " + args[0] + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }
}
