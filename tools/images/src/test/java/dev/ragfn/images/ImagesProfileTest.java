package dev.ragfn.images;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root pom's images profile, read without building anything: images stay opt-in, they are named as knative/base
 * deploys them, and they run as OpenShift runs them. ImageTarballIT checks the built images themselves.
 */
class ImagesProfileTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    private static final String JIB = "quarkus-container-image-jib";
    private static final Pattern IMAGE_LINE = Pattern.compile("^\\s+image: (\\S+)$", Pattern.MULTILINE);

    private static Element profile;
    private static Map<String, String> properties;

    @BeforeAll
    static void readProfile() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        profile = children(pom.getDocumentElement(), "profiles").stream().flatMap(p -> children(p, "profile").stream())
                .filter(p -> text(p, "id").equals("images")).findFirst()
                .orElseThrow(() -> new AssertionError("the root pom has no images profile"));
        properties = new HashMap<>();
        for (Element props : children(profile, "properties")) {
            NodeList nodes = props.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
    }

    @Test
    void should_add_jib_only_in_the_images_profile_when_the_poms_are_read() throws IOException {
        // given
        List<Path> poms;
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            poms = files.filter(f -> f.getFileName().toString().equals("pom.xml")).filter(f -> !f.toString().contains("/target/")).toList();
        }
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String rootWithoutProfile = root.substring(0, root.indexOf("<profiles>"));

        // then: the default build neither resolves Jib nor builds an image
        assertThat(children(profile, "dependencies").getFirst().getTextContent()).contains(JIB);
        assertThat(properties).containsEntry("quarkus.container-image.build", "true");
        assertThat(rootWithoutProfile).doesNotContain(JIB).doesNotContain("quarkus.container-image.build");
        assertThat(poms).hasSizeGreaterThan(8).allSatisfy(pom -> {
            if (!pom.equals(ROOT.resolve("pom.xml"))) {
                assertThat(Files.readString(pom)).as(ROOT.relativize(pom).toString()).doesNotContain(JIB);
            }
        });
    }

    @Test
    void should_name_every_function_image_as_its_knative_service_deploys_it_when_the_profile_is_read() throws IOException {
        // given
        String prefix = properties.get("quarkus.container-image.registry") + "/" + properties.get("quarkus.container-image.group") + "/";
        String tag = properties.get("quarkus.container-image.tag");
        List<String> functions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT.resolve("functions"))) {
            dirs.filter(d -> Files.exists(d.resolve("pom.xml")) && !d.endsWith("bundle")).forEach(d -> functions.add(d.getFileName().toString()));
        }

        // then
        assertThat(functions).hasSizeGreaterThanOrEqualTo(7).allSatisfy(function -> {
            String built = prefix + applicationName(function) + ":" + tag;
            Matcher deployed = IMAGE_LINE.matcher(Files.readString(ROOT.resolve("knative/base").resolve(function + ".yaml")));
            assertThat(deployed.find()).as("an image in knative/base/%s.yaml", function).isTrue();
            assertThat(deployed.group(1)).isEqualTo(built);
        });
    }

    @Test
    void should_run_on_the_ubi_java_21_runtime_as_a_non_root_user_on_port_8080_when_the_profile_is_read() {
        // then
        assertThat(properties.get("quarkus.jib.base-jvm-image")).startsWith("registry.access.redhat.com/ubi9/openjdk-21-runtime:");
        assertThat(Integer.parseInt(properties.get("quarkus.jib.user"))).isPositive();
        assertThat(properties).containsEntry("quarkus.jib.ports", "8080");
        // reproducible layers: a layer whose files did not change keeps its digest, and is not pushed again
        assertThat(properties).containsEntry("quarkus.jib.use-current-timestamp-file-modification", "false");
        assertThat(properties.get("quarkus.jib.docker-executable-name")).isEqualTo("${repo.root}/tools/images/docker-oci");
        assertThat(ROOT.resolve("tools/images/docker-oci")).isExecutable();
    }

    private static String applicationName(String function) throws IOException {
        return Files.readAllLines(ROOT.resolve("functions").resolve(function).resolve("src/main/resources/application.properties")).stream()
                .filter(l -> l.startsWith("quarkus.application.name=")).map(l -> l.substring(l.indexOf('=') + 1).trim())
                .findFirst().orElseThrow(() -> new AssertionError(function + " sets no quarkus.application.name"));
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                list.add(e);
            }
        }
        return list;
    }

    private static String text(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? "" : found.getFirst().getTextContent().trim();
    }
}
