package dev.ragfn.images;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tools/images/docker-oci, the stand-in for the docker CLI through which Jib writes images as OCI tarballs: given the
 * docker-save archive Jib pipes to `docker load`, it must write an OCI layout that a registry client would accept.
 */
class DockerOciTest {

    private static final Path SHIM = Path.of(System.getProperty("repo.root", "../.."), "tools/images/docker-oci").toAbsolutePath();

    @Test
    void should_write_an_oci_layout_with_verified_blobs_when_jib_loads_an_image(@TempDir Path out) throws Exception {
        // given: what Jib's ImageTarball writes for a one-layer image
        byte[] layer = gzippedTar("home/jboss/app/ragfn-embed.jar", "classes".getBytes(StandardCharsets.UTF_8));
        String layerHex = sha256(layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"185\"},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:0\"]}}").getBytes(StandardCharsets.UTF_8);
        byte[] manifest = ("[{\"Config\":\"config.json\",\"RepoTags\":[\"registry.example:5000/ragfn/ragfn-embed:1.2\"],"
                + "\"Layers\":[\"" + layerHex + ".tar.gz\"]}]").getBytes(StandardCharsets.UTF_8);
        byte[] dockerArchive = tar(layerHex + ".tar.gz", layer, "config.json", config, "manifest.json", manifest);

        // when
        Result load = run(out, dockerArchive, "load");

        // then
        assertThat(load.exitCode()).as(load.stderr()).isZero();
        assertThat(load.stdout()).contains("Loaded image: registry.example:5000/ragfn/ragfn-embed:1.2");
        try (OciArchive image = OciArchive.open(out.resolve("ragfn-embed-oci.tar"))) {
            assertThat(image.json("oci-layout").path("imageLayoutVersion").asText()).isEqualTo("1.0.0");
            JsonNode entry = image.index().path("manifests").path(0);
            assertThat(entry.path("mediaType").asText()).isEqualTo(OciArchive.MANIFEST_TYPE);
            assertThat(entry.path("annotations").path("org.opencontainers.image.ref.name").asText()).isEqualTo("1.2");
            assertThat(entry.path("annotations").path("io.containerd.image.name").asText())
                    .isEqualTo("registry.example:5000/ragfn/ragfn-embed:1.2");
            assertThat(image.manifest().path("config").path("mediaType").asText())
                    .isEqualTo("application/vnd.oci.image.config.v1+json");
            assertThat(image.config().path("config").path("User").asText()).isEqualTo("185");
            assertThat(image.layers()).singleElement().satisfies(l -> {
                assertThat(l.digest()).isEqualTo("sha256:" + layerHex);
                assertThat(l.holds("home/jboss/app/ragfn-embed.jar")).isTrue();
            });
        }
    }

    @Test
    void should_report_a_linux_amd64_engine_when_jib_asks_for_docker_info(@TempDir Path out) throws Exception {
        // when
        Result info = run(out, new byte[0], "info", "-f", "{{json .}}");

        // then
        assertThat(info.exitCode()).isZero();
        assertThat(info.stdout()).contains("\"OSType\":\"linux\"").contains("\"Architecture\":\"amd64\"");
    }

    @Test
    void should_refuse_and_name_the_command_when_asked_for_anything_but_info_or_load(@TempDir Path out) throws Exception {
        // when
        Result save = run(out, new byte[0], "save", "ghcr.io/ragfn/ragfn-embed:latest");

        // then
        assertThat(save.exitCode()).isEqualTo(2);
        assertThat(save.stderr()).contains("only 'info' and 'load'").contains("save ghcr.io/ragfn/ragfn-embed:latest");
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(Path outDir, byte[] stdin, String... arguments) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add(SHIM.toString());
        command.addAll(java.util.List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("RAGFN_OCI_DIR", outDir.toString());
        Path stderr = Files.createTempFile(outDir.getParent(), "docker-oci", ".err");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return new Result(exit, stdout, Files.readString(stderr));
    }

    private static byte[] gzippedTar(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(tar(name, content));
        }
        return bytes.toByteArray();
    }

    /** A tar of name/content pairs. */
    private static byte[] tar(Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = (byte[]) namesAndContents[i + 1];
                TarArchiveEntry entry = new TarArchiveEntry((String) namesAndContents[i]);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
