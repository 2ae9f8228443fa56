package dev.ragfn.bundle;

import dev.ragfn.testing.InfraServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged bundle, bound to every address with no authentication, refuses to start and says
 * which key to set: on a network, ragfn.auth.mode=none would let anyone act as any tenant.
 */
class OpenBindRefusalIT {

    @Test
    void should_refuse_to_start_and_name_the_key_when_bound_to_every_address_without_auth(@TempDir Path dir) throws Exception {
        Path jar = InfraServer.repoRoot().resolve("functions/bundle/target/quarkus-app/quarkus-run.jar");
        Path output = dir.resolve("bundle.log");
        ProcessBuilder bundle = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.host=0.0.0.0", "-Dquarkus.http.port=0", "-Dragfn.data-dir=" + dir.resolve("data"),
                "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        bundle.environment().keySet().removeIf(name -> name.startsWith("RAGFN_AUTH") || name.startsWith("QUARKUS_HTTP"));

        Process process = bundle.start();
        boolean exited = process.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }

        String log = Files.readString(output);
        assertThat(exited).as("the bundle exited instead of serving: %s", log).isTrue();
        assertThat(process.exitValue()).as(log).isNotZero();
        assertThat(log).contains("Refusing to listen on 0.0.0.0 without authentication")
                .contains("RAGFN_AUTH_MODE=oidc").contains("QUARKUS_HTTP_HOST=127.0.0.1");
    }
}
