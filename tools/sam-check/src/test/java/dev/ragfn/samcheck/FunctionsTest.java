package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionsTest {

    /** Lambda's limit for a zip uploaded directly. */
    private static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

    private static final java.util.regex.Pattern FUNQ = java.util.regex.Pattern.compile("^\\s*@Funq\\b", java.util.regex.Pattern.MULTILINE);

    private final Template template = Template.load();
    private final Triggers triggers = Triggers.load();

    @Test
    void should_declare_one_function_per_function_module_when_reading_functions_dir() {
        // given
        var modules = Repo.functionModules();

        // when
        var functions = template.ofType(Template.FUNCTION).keySet();

        // then
        assertThat(functions).containsExactlyInAnyOrderElementsOf(
                modules.stream().map(Template::functionId).toList());
    }

    @Test
    void should_build_zip_functions_from_the_module_zip_with_snapstart_when_not_an_image() {
        for (String module : Repo.functionModules()) {
            JsonNode props = template.properties(Template.functionId(module));
            if (props.path("PackageType").asText("Zip").equals("Image")) {
                continue;
            }
            assertThat(props.path("CodeUri").asText()).as(module)
                    .isEqualTo("../functions/" + module + "/target/function.zip");
            assertThat(props.path("Runtime").asText()).as(module).isEqualTo("java21");
            assertThat(props.path("Handler").asText()).as(module).isIn(Template.FUNQY_HANDLER, Template.HTTP_HANDLER);
            assertThat(props.path("SnapStart").path("ApplyOn").asText()).as(module).isEqualTo("PublishedVersions");
        }
    }

    @Test
    void should_export_the_module_function_when_the_module_has_more_than_one_funq_method() throws Exception {
        for (String module : Repo.functionModules()) {
            // given: Funqy's Lambda binding refuses to start with several functions unless one is exported
            Path main = Repo.root().resolve("functions").resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(main)) {
                continue;
            }
            long functions;
            try (var sources = Files.walk(main)) {
                functions = sources.filter(f -> f.toString().endsWith(".java"))
                        .mapToLong(f -> FUNQ.matcher(read(f)).results().count()).sum();
            }

            // when
            JsonNode export = template.properties(Template.functionId(module)).path("Environment").path("Variables")
                    .path("QUARKUS_FUNQY_EXPORT");

            // then
            if (functions > 1) {
                assertThat(export.asText()).as(module).isEqualTo(module);
            }
        }
    }

    @Test
    void should_fit_the_direct_upload_limit_when_a_zip_function_has_been_built() throws Exception {
        for (String module : Repo.functionModules()) {
            JsonNode props = template.properties(Template.functionId(module));
            Path zip = Repo.root().resolve("functions").resolve(module).resolve("target/function.zip");
            // Only `-Plambda` builds the zip; the default (Knative) build leaves none to measure.
            if (!props.path("PackageType").asText("Zip").equals("Image") && Files.exists(zip)) {
                assertThat(Files.size(zip)).as(module + " " + zip).isLessThanOrEqualTo(DIRECT_UPLOAD_LIMIT);
            }
        }
    }

    @Test
    void should_carry_native_libraries_of_the_template_architecture_only_when_a_zip_has_been_built() throws Exception {
        // given: the platform folders of the native libraries in onnxruntime's and DJL's jars
        JsonNode architectures = template.root().path("Globals").path("Function").path("Architectures");
        assertThat(architectures.toString()).isEqualTo("[\"x86_64\"]");
        java.util.regex.Pattern linuxX64 = java.util.regex.Pattern.compile(".*/linux-(x64|x86_64)/.*");
        for (String module : Repo.functionModules()) {
            Path zip = Repo.root().resolve("functions").resolve(module).resolve("target/function.zip");
            if (!Files.exists(zip)) {
                continue; // only -Plambda builds it
            }

            // when
            java.util.List<String> natives = nativeLibraries(zip);

            // then: Lambda loads the x86_64 libraries; any other platform's would only weigh on the zip
            assertThat(natives).as(module).allMatch(path -> linuxX64.matcher(path).matches());
        }
    }

    /** The files of the native-library folders inside the zip's jars, as "jar!path". */
    private static java.util.List<String> nativeLibraries(Path zip) throws java.io.IOException {
        java.util.List<String> natives = new java.util.ArrayList<>();
        try (var outer = new java.util.zip.ZipFile(zip.toFile())) {
            for (var jar : java.util.Collections.list(outer.entries())) {
                if (!jar.getName().startsWith("lib/") || !jar.getName().endsWith(".jar")) {
                    continue;
                }
                try (var in = new java.util.zip.ZipInputStream(outer.getInputStream(jar))) {
                    for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                        if (!entry.isDirectory() && entry.getName().matches("(ai/onnxruntime/native|native/lib)/.+/.+")) {
                            natives.add(jar.getName() + "!" + entry.getName());
                        }
                    }
                }
            }
        }
        return natives;
    }

    @Test
    void should_deploy_every_function_as_a_zip_when_reading_the_template() {
        // Every package fits the 50 MB zip limit, so every function can use SnapStart; a container image
        // (sam/Dockerfile, for the in-process model, see docs/lambda.md) would start without it.
        for (String module : Repo.functionModules()) {
            JsonNode props = template.properties(Template.functionId(module));
            assertThat(props.path("PackageType").asText("Zip")).as(module).isEqualTo("Zip");
        }
    }

    @Test
    void should_publish_an_alias_with_memory_and_timeout_when_declaring_any_function() {
        for (String module : Repo.functionModules()) {
            JsonNode props = template.properties(Template.functionId(module));
            assertThat(props.path("AutoPublishAlias").asText()).as(module).isEqualTo("live");
            assertThat(props.path("MemorySize").asInt()).as(module).isBetween(128, 10240);
            assertThat(props.path("Timeout").asInt()).as(module).isBetween(1, 900);
        }
    }

    @Test
    void should_send_failed_invocations_to_the_declared_dead_letter_queue_when_any_function_fails() {
        for (String module : Repo.functionModules()) {
            // given
            Triggers.Delivery delivery = triggers.delivery(module);
            JsonNode invoke = template.properties(Template.functionId(module)).path("EventInvokeConfig");

            // when
            JsonNode onFailure = invoke.path("DestinationConfig").path("OnFailure");

            // then
            assertThat(onFailure.path("Type").asText()).as(module).isEqualTo("SQS");
            String queue = Template.getAttArn(onFailure.path("Destination"));
            assertThat(queue).as(module).isEqualTo(Repo.pascal(delivery.deadLetterSink()));
            assertThat(template.resource(queue).path("Type").asText()).isEqualTo("AWS::SQS::Queue");
            // Lambda retries a failed asynchronous invocation at most twice.
            assertThat(invoke.path("MaximumRetryAttempts").asInt()).as(module).isEqualTo(Math.min(delivery.retry(), 2));
        }
    }

    @Test
    void should_send_answers_to_the_bus_when_the_function_emits_events() {
        for (String module : Repo.functionModules()) {
            JsonNode onSuccess = template.properties(Template.functionId(module))
                    .path("EventInvokeConfig").path("DestinationConfig").path("OnSuccess");
            if (triggers.emits(module).isEmpty() || !Repo.answersWithEvents(module)) {
                assertThat(onSuccess.isMissingNode()).as(module).isTrue();
            } else {
                assertThat(onSuccess.path("Type").asText()).as(module).isEqualTo("EventBridge");
                assertThat(Template.getAttArn(onSuccess.path("Destination"))).as(module).isEqualTo("RagfnBus");
            }
        }
    }

    @Test
    void should_name_the_bus_after_the_broker_when_declaring_the_bus() {
        assertThat(template.resource("RagfnBus").path("Properties").path("Name").path("Ref").asText())
                .isEqualTo("EventBusName");
        assertThat(template.root().path("Parameters").path("EventBusName").path("Default").asText())
                .isEqualTo(triggers.broker());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
