package dev.ragfn.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.runtime.net.AddressPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinning the vetted IP must not weaken TLS: the certificate is still checked against the host name. */
class UrlSourceTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final AddressPolicy.Resolver TEST_DNS = host -> {
        if (List.of("docs.example", "other.example").contains(host)) {
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        throw new UnknownHostException(host);
    };

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static UrlSource source;

    @BeforeAll
    static void startServerWithCertificateForDocsExample() throws Exception {
        KeyStore keys = selfSignedKeyStore("docs.example");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/doc", exchange -> {
            byte[] body = "over TLS".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trustManagers.getTrustManagers(), null);
        source = new UrlSource(AddressPolicy.publicOnly(TEST_DNS).allowingLoopback(), 1024,
                Duration.ofSeconds(2), Duration.ofSeconds(5), 3, clientTls.getSocketFactory());
    }

    /** The JDK has no public API to issue a certificate, so the test asks its keytool. */
    private static KeyStore selfSignedKeyStore(String dnsName) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "keytool is needed to issue a test certificate");
        Path file = dir.resolve("server.p12");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + dnsName, "-ext", "san=dns:" + dnsName,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static URI url(String host) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/doc");
    }

    @Test
    void should_fetch_over_tls_when_certificate_matches_the_host_name() throws IOException {
        // when
        SourceContent content = source.fetch(url("docs.example"));

        // then
        assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("over TLS");
    }

    @Test
    void should_refuse_when_certificate_is_for_another_host_name() {
        // when / then: same IP, same trusted certificate, but issued for docs.example
        assertThatThrownBy(() -> source.fetch(url("other.example")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("TLS with other.example failed");
    }
}
