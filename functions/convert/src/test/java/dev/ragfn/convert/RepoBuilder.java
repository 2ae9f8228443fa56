package dev.ragfn.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small source repository file by file, so each test shows the shape it converts. */
final class RepoBuilder {

    private final Path root;

    private RepoBuilder(Path root) {
        this.root = root;
    }

    static RepoBuilder in(Path dir, String name) {
        return new RepoBuilder(dir.resolve(name));
    }

    RepoBuilder file(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A Helm chart: Chart.yaml (with {@code chartExtra} appended, e.g. dependencies) and values.yaml. */
    RepoBuilder chart(String dir, String name, String chartExtra, String values) {
        file(dir + "/Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n" + chartExtra);
        return file(dir + "/values.yaml", values);
    }

    Path root() {
        return root;
    }
}
