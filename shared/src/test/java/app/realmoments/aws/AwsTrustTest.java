package app.realmoments.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

class AwsTrustTest {

    /**
     * Two test CAs and a server certificate from each (test resources, made once with the JDK's keytool,
     * EC P-256, valid for 100 years: {@code keytool -genkeypair -ext bc:c}, then {@code -certreq} and
     * {@code -gencert -ext eku=serverAuth}).
     */
    static final X509Certificate ROOT_A = certificate("root-a.pem");
    static final X509Certificate ROOT_B = certificate("root-b.pem");
    static final X509Certificate LEAF_A = certificate("leaf-a.pem");
    static final X509Certificate LEAF_B = certificate("leaf-b.pem");

    @Test
    void everyBundledRootIsAJdkRootSoTheFastPathNeverTrustsMore() throws Exception {
        KeyStore bundled = AwsTrust.amazonRoots();
        Set<X509Certificate> jdk = new HashSet<>(List.of(AwsTrust.trustManager(null).getAcceptedIssuers()));
        List<String> names = new ArrayList<>();
        for (String alias : Collections.list(bundled.aliases())) {
            X509Certificate root = (X509Certificate) bundled.getCertificate(alias);
            assertTrue(jdk.contains(root), root.getSubjectX500Principal() + " is not in the JDK's trust store");
            root.checkValidity();
            assertTrue(root.getBasicConstraints() >= 0, root.getSubjectX500Principal() + " is not a CA");
            names.add(root.getSubjectX500Principal().getName());
        }
        assertEquals(5, names.size(), names.toString());
        assertTrue(names.stream().filter(n -> n.contains("CN=Amazon Root CA")).count() == 4, names.toString());
        assertTrue(names.stream().anyMatch(n -> n.contains("Starfield Services Root Certificate Authority - G2")));
    }

    @Test
    void aChainTheFastRootsAnchorNeverLoadsTheFallback() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        AwsTrust trust = rootAThenCountedRootB(loads);
        trust.checkServerTrusted(new X509Certificate[] {LEAF_A, ROOT_A}, "ECDHE_ECDSA");
        assertEquals(0, loads.get());
    }

    @Test
    void aChainTheyDoNotAnchorIsDecidedByTheFallbackLoadedOnce() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        AwsTrust trust = rootAThenCountedRootB(loads);
        trust.checkServerTrusted(new X509Certificate[] {LEAF_B, ROOT_B}, "ECDHE_ECDSA");
        trust.checkServerTrusted(new X509Certificate[] {LEAF_B}, "ECDHE_ECDSA");
        assertEquals(1, loads.get());
    }

    @Test
    void aChainNeitherAnchorsIsRefused() {
        AwsTrust trust = new AwsTrust(manager(ROOT_A), () -> manager(ROOT_A));
        assertThrows(CertificateException.class,
                () -> trust.checkServerTrusted(new X509Certificate[] {LEAF_B, ROOT_B}, "ECDHE_ECDSA"));
    }

    @Test
    void theFunctionsTrustManagersStartFromTheBundledRoots() {
        var managers = AwsTrust.trustManagers();
        assertEquals(1, managers.length);
        assertEquals(5, ((X509ExtendedTrustManager) managers[0]).getAcceptedIssuers().length);
    }

    /** Root A on the fast path; root B behind it, counting its loads. */
    private static AwsTrust rootAThenCountedRootB(AtomicInteger loads) {
        return new AwsTrust(manager(ROOT_A), () -> {
            loads.incrementAndGet();
            return manager(ROOT_B);
        });
    }

    private static X509ExtendedTrustManager manager(X509Certificate root) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("root", root);
            return AwsTrust.trustManager(store);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String name) {
        try (InputStream in = AwsTrustTest.class.getResourceAsStream(name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }
}
