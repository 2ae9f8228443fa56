package dev.ragfn.convert.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.runtime.net.AddressPolicy;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SSRF guard on Git sources: what a request may make the function connect to, and what an
 * error may tell about the server. Test servers listen on 127.0.0.1 under made-up names, which
 * {@link #TEST_DNS} resolves; the production policy refuses loopback, so the tests that reach
 * a test server use {@link AddressPolicy#allowingLoopback()}, as ingest's UrlSourceTest does.
 */
class GitRemoteGuardTest {

    private static final Map<String, String> NAMES = Map.of(
            "git.example", "127.0.0.1",
            "evil.example", "127.0.0.1",
            "internal.example", "10.1.2.3");

    /** Test names from {@link #NAMES}, IP literals as themselves, nothing else. */
    private static final AddressPolicy.Resolver TEST_DNS = host -> {
        String address = NAMES.get(host);
        if (address != null) {
            return new InetAddress[] {InetAddress.getByName(address)};
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    };

    private static final SourceLimits LIMITS = new SourceLimits(20_000, 50L * 1024 * 1024, 1024 * 1024,
            Duration.ofSeconds(60), Duration.ofMillis(250));

    @TempDir
    Path dir;

    private static GitCloner cloner(AddressPolicy policy) {
        return new GitCloner(LIMITS, GitAccess.publicHttp(policy, false, Duration.ofSeconds(5)));
    }

    private static GitCloner production() {
        return cloner(AddressPolicy.publicOnly());
    }

    @Test
    void should_clone_over_http_through_the_vetted_address_when_the_host_name_resolves_only_through_the_policy()
            throws Exception {
        // given: a repository served on 127.0.0.1 under a name only TEST_DNS knows, so JGit's own resolver cannot reach it
        Path origin = dir.resolve("origin");
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            Files.writeString(origin.resolve("values.yaml"), "replicas: 1\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
        }
        try (Git repo = Git.open(origin.toFile());
             GitHttpServer server = GitHttpServer.serving(repo.getRepository())) {

            // when
            cloner(AddressPolicy.publicOnly(TEST_DNS).allowingLoopback())
                    .cloneInto("http://git.example:" + server.port() + "/repo.git", Optional.of("main"), dir.resolve("clone"));

            // then
            assertThat(dir.resolve("clone/values.yaml")).hasContent("replicas: 1");
            assertThat(dir.resolve("clone/.git/shallow")).exists();
            assertThat(server.requests()).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:%d/x.git", "https://127.0.0.1:%d/x.git", "http://localhost:%d/x.git",
            "http://LOCALHOST.:%d/x.git", "http://user:secret@127.0.0.1:%d/x.git",
            "http://[::1]:%d/x.git", "http://[::ffff:127.0.0.1]:%d/x.git", "http://[0:0:0:0:0:ffff:7f00:1]:%d/x.git",
            "http://[::]:%d/x.git", "http://0.0.0.0:%d/x.git",
            "http://2130706433:%d/x.git", "http://127.1:%d/x.git", "http://0x7f000001:%d/x.git", "http://0x7f.0.0.1:%d/x.git",
            "http://017700000001:%d/x.git"})
    void should_refuse_without_connecting_when_a_git_url_names_loopback_in_any_form(String form) throws IOException {
        try (SilentServer canary = SilentServer.silent()) {
            // given
            String url = form.formatted(canary.port());

            // when
            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> production().cloneInto(url, Optional.empty(), dir.resolve("clone")));

            // then
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).containsAnyOf("Refusing to fetch", "could not be resolved", "no host name");
            assertThat(canary.connections()).isZero();
        }
    }

    @Test
    void should_not_reach_loopback_when_a_leading_zero_address_is_read_as_decimal() throws IOException {
        // given: C resolvers read 0177.0.0.1 as octal 127.0.0.1; Java reads it as 177.0.0.1, and that is what is vetted and dialled
        try (SilentServer canary = SilentServer.silent()) {
            GitCloner cloner = new GitCloner(new SourceLimits(20_000, 1024, 1024, Duration.ofSeconds(3), Duration.ofMillis(250)),
                    GitAccess.publicHttp(AddressPolicy.publicOnly(), false, Duration.ofSeconds(1)));

            // when / then
            assertThatThrownBy(() -> cloner.cloneInto("http://0177.0.0.1:" + canary.port() + "/x.git", Optional.empty(), dir.resolve("c")))
                    .isInstanceOf(RagfnException.class);
            assertThat(canary.connections()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://169.254.169.254/latest/meta-data.git", "http://[fd00:ec2::254]/x.git", "http://[::ffff:169.254.169.254]/x.git",
            "http://[64:ff9b::a9fe:a9fe]/x.git", "http://metadata.google.internal/x.git", "http://[fd00::]/x.git",
            "https://[fc00::1]:8443/x.git", "http://[fe80::1]/x.git", "http://10.0.0.1/x.git", "http://172.16.0.1/x.git",
            "http://192.168.1.1/x.git", "http://100.64.0.1/x.git", "http://internal.example/x.git"})
    void should_refuse_when_a_git_url_names_a_private_link_local_or_metadata_address(String url) {
        // when
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> cloner(AddressPolicy.publicOnly(TEST_DNS)).cloneInto(url, Optional.empty(), dir.resolve("clone")));

        // then: JGit cannot read an IPv4-mapped literal's host, which is refused as well
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).containsAnyOf("Refusing to fetch from host", "no host name");
    }

    @Test
    void should_refuse_without_connecting_when_a_host_name_resolves_to_loopback() throws IOException {
        try (SilentServer canary = SilentServer.silent()) {
            // when / then
            assertThatThrownBy(() -> cloner(AddressPolicy.publicOnly(TEST_DNS))
                    .cloneInto("https://evil.example:" + canary.port() + "/x.git", Optional.empty(), dir.resolve("clone")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("evil.example").hasMessageContaining("127.0.0.1").hasMessageContaining("loopback");
            assertThat(canary.connections()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://internal.example/repo.git/info/refs?service=git-upload-pack",
            "http://169.254.169.254/latest/repo.git/info/refs?service=git-upload-pack",
            "http://[fd00:ec2::254]/repo.git/info/refs?service=git-upload-pack"})
    void should_refuse_the_target_when_an_allowed_server_redirects_to_a_private_address(String target) throws IOException {
        // given
        try (GitHttpServer server = GitHttpServer.answering(new GitHttpServer.Answer(302, "text/plain", "", target))) {

            // when / then
            assertThatThrownBy(() -> cloner(AddressPolicy.publicOnly(TEST_DNS).allowingLoopback())
                    .cloneInto("http://git.example:" + server.port() + "/repo.git", Optional.empty(), dir.resolve("clone")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Refusing to fetch from host");
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void should_not_follow_a_redirect_to_another_scheme() throws IOException {
        // given
        try (GitHttpServer server = GitHttpServer.answering(new GitHttpServer.Answer(302, "text/plain", "",
                "file:///etc/repo.git/info/refs?service=git-upload-pack"))) {

            // when / then
            assertThatThrownBy(() -> cloner(AddressPolicy.publicOnly(TEST_DNS).allowingLoopback())
                    .cloneInto("http://git.example:" + server.port() + "/repo.git", Optional.empty(), dir.resolve("clone")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("git.example answered HTTP 302");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "404, application/json, NotFoundException",
            "410, text/html, NotFoundException",
            "400, application/json, InvalidInputException",
            "401, text/plain, InvalidInputException",
            "403, text/html, InvalidInputException",
            "500, text/html, StoreUnavailableException",
            "503, application/json, StoreUnavailableException",
            "200, application/json, InvalidInputException",
            "200, application/x-git-upload-pack-advertisement, InvalidInputException"})
    void should_name_the_host_and_status_and_never_echo_the_body_when_the_server_is_not_a_git_server(
            int status, String contentType, String kind) throws IOException {
        // given: an answer whose body must not reach the caller, as OpenSearch's did at http://127.0.0.1:9200/x.git
        String body = "{\"error\":\"SECRET-BODY-7f3a no handler found for uri [/x.git/info/refs]\",\"status\":400}";
        try (GitHttpServer server = GitHttpServer.answering(new GitHttpServer.Answer(status, contentType, body, null))) {

            // when
            RagfnException failure = catchThrowableOfType(RagfnException.class, () -> cloner(
                    AddressPolicy.publicOnly(TEST_DNS).allowingLoopback())
                    .cloneInto("http://git.example:" + server.port() + "/x.git", Optional.empty(), dir.resolve("clone")));

            // then
            assertThat(failure).isNotNull();
            assertThat(failure.getClass().getSimpleName()).isEqualTo(kind);
            assertThat(failure.getMessage()).contains("git.example").doesNotContain("SECRET-BODY").doesNotContain("no handler");
            if (!contentType.startsWith("application/x-git")) {
                assertThat(failure.getMessage()).contains("answered HTTP " + status);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh://git@127.0.0.1:%d/x.git", "git://127.0.0.1:%d/x.git", "ftp://127.0.0.1:%d/x.git",
            "git@127.0.0.1:org/x.git"})
    void should_refuse_ssh_git_and_scp_style_urls_without_connecting(String form) throws IOException {
        try (SilentServer canary = SilentServer.silent()) {
            // when / then
            assertThatThrownBy(() -> production().cloneInto(form.formatted(canary.port()), Optional.empty(), dir.resolve("clone")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not accepted here");
            assertThat(canary.connections()).isZero();
        }
    }

    @Test
    void should_report_a_retryable_error_naming_the_host_when_nothing_listens() throws IOException {
        // given: a port that was just free
        int port;
        try (SilentServer closed = SilentServer.silent()) {
            port = closed.port();
        }

        // when / then
        assertThatThrownBy(() -> cloner(AddressPolicy.publicOnly(TEST_DNS).allowingLoopback())
                .cloneInto("http://git.example:" + port + "/x.git", Optional.empty(), dir.resolve("clone")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("could not connect to git.example");
    }

    @Test
    void should_refuse_file_urls_when_local_sources_are_not_allowed() {
        assertThatThrownBy(() -> production().cloneInto("file://" + dir, Optional.empty(), dir.resolve("clone")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("file://");
    }
}
