package dev.ragfn.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * An OCI image layout in a tarball (what tools/images/docker-oci writes, and `skopeo copy oci-archive:` reads),
 * holding one image: its index, manifest, config and layers, read the way a registry or runtime reads them.
 */
final class OciArchive implements AutoCloseable {

    static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();

    /** One file, directory or link of a layer, as the layer's tar entry describes it. */
    record Entry(String path, int mode, long uid, long gid, long size, Instant modified, boolean directory) {
    }

    /** One layer: its descriptor in the manifest and its entries, in order. */
    record Layer(String digest, long size, List<Entry> entries) {

        Optional<Entry> entry(String path) {
            String relative = path.startsWith("/") ? path.substring(1) : path;
            return entries.stream().filter(e -> e.path().equals(relative)).findFirst();
        }

        boolean holds(String path) {
            return entry(path).isPresent();
        }
    }

    private OciArchive(TarFile tar) {
        this.tar = tar;
        tar.getEntries().forEach(e -> entries.put(stripDot(e.getName()), e));
    }

    static OciArchive open(Path file) throws IOException {
        return new OciArchive(new TarFile(file));
    }

    JsonNode json(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return JSON.readTree(in);
        }
    }

    JsonNode index() throws IOException {
        return json("index.json");
    }

    JsonNode manifest() throws IOException {
        return blobJson(index().path("manifests").path(0));
    }

    JsonNode config() throws IOException {
        return blobJson(manifest().path("config"));
    }

    /** The blob a descriptor points to, after checking that its bytes have the descriptor's digest and size. */
    JsonNode blobJson(JsonNode descriptor) throws IOException {
        String name = blobName(descriptor.path("digest").asText());
        verify(name, descriptor);
        return json(name);
    }

    /** Reads every layer the manifest lists, checking each against its descriptor. */
    List<Layer> layers() throws IOException {
        List<Layer> layers = new ArrayList<>();
        for (JsonNode descriptor : manifest().path("layers")) {
            String name = blobName(descriptor.path("digest").asText());
            verify(name, descriptor);
            layers.add(new Layer(descriptor.path("digest").asText(), descriptor.path("size").asLong(), entriesOf(name)));
        }
        return layers;
    }

    /** The bytes of one file of one layer. */
    byte[] read(Layer layer, String path) throws IOException {
        String wanted = path.startsWith("/") ? path.substring(1) : path;
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(stream(blobName(layer.digest()))))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (stripDot(e.getName()).equals(wanted)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalStateException(layer.digest() + " has no " + path);
    }

    private List<Entry> entriesOf(String blob) throws IOException {
        List<Entry> list = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(stream(blob)))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String path = stripDot(e.getName());
                if (path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                list.add(new Entry(path, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(), e.getSize(),
                        e.getModTime().toInstant(), e.isDirectory()));
            }
        }
        return list;
    }

    private void verify(String name, JsonNode descriptor) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size;
        try (InputStream in = new DigestInputStream(stream(name), sha256)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(descriptor.path("digest").asText()) || size != descriptor.path("size").asLong()) {
            throw new IllegalStateException(name + " is " + actual + " of " + size + " bytes, but its descriptor says " + descriptor);
        }
    }

    private InputStream stream(String name) throws IOException {
        TarArchiveEntry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalStateException("the archive has no " + name + " (it has " + entries.keySet() + ")");
        }
        return tar.getInputStream(entry);
    }

    private static String blobName(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    private static String stripDot(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    @Override
    public void close() {
        try {
            tar.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
