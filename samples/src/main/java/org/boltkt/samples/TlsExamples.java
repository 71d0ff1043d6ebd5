package org.boltkt.samples;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.boltkt.client.transport.ClientCertificate;
import org.boltkt.client.transport.TrustDecision;
import org.boltkt.client.transport.TrustStrategy;
import org.boltkt.javainterop.JavaAuthTokens;
import org.boltkt.javainterop.JavaDriver;
import org.boltkt.javainterop.JavaDriverConfig;

/**
 * How to connect to TLS servers from Java (quoted in the README's "Connecting with TLS" section). Not run by the
 * samples: the hosts and files are placeholders; it is compiled so the README's code stays valid.
 */
final class TlsExamples {
    private TlsExamples() {}

    static List<JavaDriver> tlsExamples(String user, String password, Set<String> allowedFingerprints) {
        // tag::tls[]
        // Your own CA and a client certificate (mutual TLS) from a PKCS#12 file.
        JavaDriver internal = JavaDriver.create("bolt://db.internal:7687", JavaAuthTokens.basic(user, password),
                JavaDriverConfig.builder()
                        .withEncrypted(true)
                        .withTrustStrategy(new TrustStrategy.CustomCertificates(Path.of("ca.pem")))
                        .withClientCertificate(ClientCertificate.fromPkcs12(Path.of("client.p12"), "secret".toCharArray()))
                        .build());

        // A trust callback: host, IP address, key type and SHA-256 fingerprint in, accept or reject out.
        JavaDriver pinned = JavaDriver.create("bolt://graph.lan:7687", JavaAuthTokens.basic(user, password),
                JavaDriverConfig.builder()
                        .withEncrypted(true)
                        .withTrustStrategy(new TrustStrategy.Callback(server ->
                                allowedFingerprints.contains(server.getFingerprintSha256())
                                        ? TrustDecision.accept()
                                        : TrustDecision.reject("unknown fingerprint " + server.getFingerprintSha256())))
                        .build());
        // end::tls[]
        return List.of(internal, pinned);
    }
}
