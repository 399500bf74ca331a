package app.realmoments.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust decision for the functions' HTTPS calls to AWS, made cheap at cold start.
 *
 * <p>AWS service endpoints (DynamoDB, S3, SQS, SNS: what the functions call) present certificates of
 * Amazon Trust Services, AWS's own CA: Amazon Root CA 1-4, or their cross-sign by Starfield Services Root CA G2. Reading
 * the JDK's whole trust store (about 150 certificates) cost a cold start 55-70 ms; reading those five
 * from {@code amazon-trust-services.pem} costs a few. A chain they do not anchor is then checked against
 * the JDK's default trust store, loaded on that first need, so the decision is always the JDK's
 * (the five are JDK roots too, which a test asserts): this is not pinning, only a fast path.
 */
public final class AwsTrust extends X509ExtendedTrustManager {

    static final String ROOTS = "amazon-trust-services.pem";

    private final X509ExtendedTrustManager amazon;
    private final Supplier<X509ExtendedTrustManager> fallbackSource;
    private volatile X509ExtendedTrustManager fallback;

    AwsTrust(X509ExtendedTrustManager amazon, Supplier<X509ExtendedTrustManager> fallback) {
        this.amazon = amazon;
        this.fallbackSource = fallback;
    }

    /** The Amazon Trust Services roots first, the JDK's default trust store when they do not anchor a chain. */
    public static TrustManager[] trustManagers() {
        return new TrustManager[] {new AwsTrust(trustManager(amazonRoots()), () -> trustManager(null))};
    }

    /** The bundled Amazon Trust Services roots as a key store. */
    static KeyStore amazonRoots() {
        try (InputStream pem = AwsTrust.class.getResourceAsStream(ROOTS)) {
            if (pem == null) {
                throw new IllegalStateException(ROOTS + " is missing from the jar");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                store.setCertificateEntry("amazon-" + i++, certificate);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + ROOTS, e);
        }
    }

    /** The JDK's PKIX trust manager over {@code store} (null: the JDK's default trust store). */
    static X509ExtendedTrustManager trustManager(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509ExtendedTrustManager fallback() {
        X509ExtendedTrustManager loaded = fallback;
        if (loaded == null) {
            synchronized (this) {
                if (fallback == null) {
                    fallback = fallbackSource.get();
                }
                loaded = fallback;
            }
        }
        return loaded;
    }

    @FunctionalInterface
    private interface Check {
        void run(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private void check(Check check) throws CertificateException {
        try {
            check.run(amazon);
        } catch (CertificateException notAnchoredByAmazon) {
            check.run(fallback());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(m -> m.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(m -> m.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(m -> m.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(m -> m.checkClientTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(m -> m.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(m -> m.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return amazon.getAcceptedIssuers(); // a client never asks: only servers send this list
    }
}
