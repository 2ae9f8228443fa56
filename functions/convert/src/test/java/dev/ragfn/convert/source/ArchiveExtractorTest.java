package dev.ragfn.convert.source;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.TooLargeException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveExtractorTest {

    private static final SourceLimits SMALL = new SourceLimits(50, 1024 * 1024, 1024 * 1024, Duration.ofSeconds(10), Duration.ofMillis(100));

    @TempDir
    Path dir;

    @Test
    void should_refuse_the_entry_when_a_zip_entry_climbs_out_of_the_folder() throws IOException {
        // given
        Path zip = zip("slip.zip", Map.of("ok.txt", "fine", "../../evil.sh", "rm -rf /"));

        // when / then
        assertThatThrownBy(() -> extract(zip)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'../../evil.sh'").hasMessageContaining("path traversal");
        assertThat(dir.getParent().resolve("evil.sh")).doesNotExist();
    }

    @Test
    void should_refuse_the_entry_when_a_tar_entry_has_an_absolute_path() throws IOException {
        // given
        Path tar = tarGz("abs.tar.gz", List.of(file("/etc/cron.d/evil", "x")));

        // when / then
        assertThatThrownBy(() -> extract(tar)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'/etc/cron.d/evil'").hasMessageContaining("absolute path");
    }

    @Test
    void should_refuse_the_link_when_a_tar_symlink_points_outside() throws IOException {
        // given
        TarArchiveEntry link = new TarArchiveEntry("repo/secrets", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("../../../etc/shadow");
        Path tar = tarGz("link.tar.gz", List.of(new Item(link, null)));

        // when / then
        assertThatThrownBy(() -> extract(tar)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'repo/secrets'").hasMessageContaining("outside the archive");
    }

    @Test
    void should_refuse_the_link_when_a_zip_symlink_points_to_an_absolute_path() throws IOException {
        // given
        Path zip = dir.resolve("link.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            ZipArchiveEntry link = new ZipArchiveEntry("config");
            link.setUnixMode(0120777);
            out.putArchiveEntry(link);
            out.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }

        // when / then
        assertThatThrownBy(() -> extract(zip)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'config'").hasMessageContaining("outside the archive");
    }

    @Test
    void should_skip_the_link_and_extract_the_rest_when_a_link_stays_inside() throws IOException {
        // given
        TarArchiveEntry link = new TarArchiveEntry("app/current", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("v1");
        Path tar = tarGz("inside.tar.gz", List.of(file("app/v1/Chart.yaml", "name: x\n"), new Item(link, null)));
        Path target = Files.createDirectories(dir.resolve("out"));

        // when
        List<String> skipped = new ArchiveExtractor(SMALL).extract(tar, target);

        // then
        assertThat(skipped).containsExactly("app/current");
        assertThat(target.resolve("app/v1/Chart.yaml")).hasContent("name: x");
        assertThat(target.resolve("app/current")).doesNotExist();
    }

    @Test
    void should_stop_at_the_size_limit_when_a_zip_bomb_expands() throws IOException {
        // given: 8 MiB of zeros compress to a few KiB
        Path zip = dir.resolve("bomb.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.putArchiveEntry(new ZipArchiveEntry("zeros.bin"));
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < 8; i++) {
                out.write(block);
            }
            out.closeArchiveEntry();
        }
        assertThat(Files.size(zip)).isLessThan(100_000);

        // when / then
        assertThatThrownBy(() -> extract(zip)).isInstanceOf(TooLargeException.class)
                .hasMessageContaining("'zeros.bin'").hasMessageContaining("1048576 bytes");
    }

    @Test
    void should_stop_at_the_entry_limit_when_an_archive_has_too_many_entries() throws IOException {
        // given
        Map<String, String> many = new java.util.TreeMap<>();
        for (int i = 0; i < 60; i++) {
            many.put("f" + i + ".txt", "x");
        }
        Path zip = zip("many.zip", many);

        // when / then
        assertThatThrownBy(() -> extract(zip)).isInstanceOf(TooLargeException.class).hasMessageContaining("more than 50 entries");
    }

    private void extract(Path archive) throws IOException {
        new ArchiveExtractor(SMALL).extract(archive, Files.createDirectories(dir.resolve("out")));
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    record Item(TarArchiveEntry entry, byte[] content) {
    }

    private static Item file(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(bytes.length);
        return new Item(entry, bytes);
    }

    private Path tarGz(String name, List<Item> items) throws IOException {
        Path tar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(tar);
             TarArchiveOutputStream out = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Item item : items) {
                out.putArchiveEntry(item.entry());
                if (item.content() != null) {
                    out.write(item.content());
                }
                out.closeArchiveEntry();
            }
        }
        return tar;
    }
}
