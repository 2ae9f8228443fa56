package dev.ragfn.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The XML parts of an Office Open XML package (a zip), found through its relationships, read with the JDK
 * alone. Guards against zip bombs as POI does by default: no part may inflate more than 100 times (past the
 * first 100 KB) or beyond 64 MiB.
 */
final class OoxmlPackage {

    static final String OFFICE_DOCUMENT =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    static final String CORE_PROPERTIES =
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    /** Relationship types of a document's parts: this and the part's kind, such as "styles" or "footnotes". */
    static final String RELATIONSHIP_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    static final String STYLES = RELATIONSHIP_TYPES + "styles";

    private static final double MIN_INFLATE_RATIO = 0.01;
    private static final long GRACE_BYTES = 100 * 1024;
    private static final long MAX_PART_BYTES = 64L * 1024 * 1024;
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

    private final Map<String, byte[]> parts;

    private OoxmlPackage(Map<String, byte[]> parts) {
        this.parts = parts;
    }

    /** Reads every part (each through the bomb guard) and keeps the XML ones. */
    static OoxmlPackage read(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new HashMap<>();
        CountingStream raw = new CountingStream(new ByteArrayInputStream(zip));
        try (ZipInputStream entries = new ZipInputStream(raw)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                byte[] inflated = inflate(entries, raw, entry.getName());
                String name = entry.getName();
                if (name.endsWith(".xml") || name.endsWith(".rels")) {
                    parts.put(name.startsWith("/") ? name.substring(1) : name, inflated);
                }
            }
        }
        if (!parts.containsKey("[Content_Types].xml")) {
            throw new IOException("not an Office Open XML package: no [Content_Types].xml");
        }
        return new OoxmlPackage(parts);
    }

    /** The part the package's relationship of this type points to, by its name in the zip. */
    Optional<String> packageTarget(String type) throws IOException {
        return target("", "_rels/.rels", type);
    }

    /** The part that {@code source}'s relationship of this type points to. */
    Optional<String> target(String source, String type) throws IOException {
        int slash = source.lastIndexOf('/');
        String folder = source.substring(0, slash + 1);
        return target(folder, folder + "_rels/" + source.substring(slash + 1) + ".rels", type);
    }

    /** The part parsed as XML (no DTDs, no external entities), if the package has it. */
    Optional<Document> xml(String name) throws IOException {
        byte[] part = parts.get(name);
        if (part == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(builder().parse(new ByteArrayInputStream(part)));
        } catch (SAXException e) {
            throw new IOException("part " + name + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private Optional<String> target(String folder, String relationshipsPart, String type) throws IOException {
        Optional<Document> relationships = xml(relationshipsPart);
        if (relationships.isEmpty()) {
            return Optional.empty();
        }
        NodeList list = relationships.get().getElementsByTagNameNS(RELATIONSHIPS, "Relationship");
        for (int i = 0; i < list.getLength(); i++) {
            Element relationship = (Element) list.item(i);
            if (type.equals(relationship.getAttribute("Type"))
                    && !"External".equals(relationship.getAttribute("TargetMode"))) {
                String target = relationship.getAttribute("Target");
                String resolved = target.startsWith("/") ? target.substring(1)
                        : URI.create("/" + folder).resolve(target).getPath().substring(1);
                return Optional.of(resolved);
            }
        }
        return Optional.empty();
    }

    private static byte[] inflate(InputStream entry, CountingStream raw, String name) throws IOException {
        long rawStart = raw.count;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = entry.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            long inflated = out.size();
            if (inflated > MAX_PART_BYTES) {
                throw new IOException("Zip bomb detected: part " + name + " inflates beyond " + MAX_PART_BYTES + " bytes");
            }
            if (inflated > GRACE_BYTES && (raw.count - rawStart) < inflated * MIN_INFLATE_RATIO) {
                throw new IOException("Zip bomb detected: part " + name + " inflates more than "
                        + Math.round(1 / MIN_INFLATE_RATIO) + " times");
            }
        }
        return out.toByteArray();
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no secure XML parser: " + e.getMessage(), e);
        }
    }

    /** Counts the compressed bytes the zip reader has taken, for the inflation ratio. */
    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
