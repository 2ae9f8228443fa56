package dev.ragfn.convert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.convert.yaml.SafeYaml;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.ragfn.convert.ConversionTest.applications;
import static dev.ragfn.convert.ConversionTest.detection;
import static dev.ragfn.convert.ConversionTest.m;
import static dev.ragfn.convert.ConversionTest.text;
import static dev.ragfn.convert.ConversionTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small repositories shaped like the public ones of issue 17 (one per finding), written on the fly.
 * Every conversion is checked as a pattern maintainer would: each values file passes the
 * clustergroup schema, the secrets template passes the framework's values-secrets v2 schema, and
 * every generated Kustomize application builds with {@code kubectl kustomize} (when kubectl is on
 * the PATH).
 */
class RealRepositoryShapesTest {

    private static final FrameworkSchemaCheck CLUSTER_GROUP_SCHEMA = new FrameworkSchemaCheck();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean KUBECTL = onPath("kubectl");
    private static final Schema SECRETS_SCHEMA = secretsSchema();

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: %s
            spec:
              selector:
                matchLabels: {app: %1$s}
              template:
                metadata:
                  labels: {app: %1$s}
                spec:
                  containers:
                    - name: %1$s
                      image: %s
            """;

    // --- 1: crash on port-less NetworkPolicy and Istio ServiceEntry, and the exit code of an internal error ---

    @Test
    void should_convert_when_a_network_policy_port_names_only_a_protocol_and_a_service_entry_numbers_its_ports() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "mesh-demo")
                .file("k8s/deployment.yaml", DEPLOYMENT.formatted("frontend", "quay.io/acme/frontend:1.0"))
                .file("k8s/netpol.yaml", """
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata:
                          name: allow-dns
                        spec:
                          podSelector: {}
                          egress:
                            - ports:
                                - protocol: UDP
                        """)
                .file("k8s/service-entry.yaml", """
                        apiVersion: networking.istio.io/v1beta1
                        kind: ServiceEntry
                        metadata:
                          name: payments-api
                        spec:
                          hosts: [api.payments.example.com]
                          ports:
                            - number: 443
                              name: https
                              protocol: TLS
                        """);

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        assertThat(applications(pattern, "hub")).containsKey("k8s");
        assertThat(text(pattern, "conversion-report.json")).contains("NetworkPolicy", "ServiceEntry");
    }

    @Test
    void should_exit_with_the_internal_error_code_not_the_refused_input_code_when_the_converter_fails_unexpectedly()
            throws IOException {
        // given: a rules "file" that is a folder cannot be read, which is no fault of the source
        RepoBuilder repo = RepoBuilder.in(dir, "app").file("k8s/deployment.yaml", DEPLOYMENT.formatted("web", "quay.io/acme/web:1"));
        Path rules = Files.createDirectories(dir.resolve("rules/broken.yaml"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int code = ConvertCli.run(new String[] {"convert", repo.root().toString(), "--out", dir.resolve("out").toString(), "--rules",
                rules.getParent().toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        // then
        assertThat(code).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("internal error");
    }

    // --- 11: one benign file over the alias limit ---

    @Test
    void should_skip_the_file_with_a_warning_when_a_docker_compose_file_merges_more_aliases_than_allowed() {
        // given
        StringBuilder compose = new StringBuilder("x-common: &common\n  restart: always\nservices:\n");
        for (int i = 0; i < 60; i++) {
            compose.append("  svc").append(i).append(":\n    <<: *common\n    image: quay.io/acme/svc").append(i).append(":1\n");
        }
        RepoBuilder repo = RepoBuilder.in(dir, "compose-app")
                .file("docker-compose.yml", compose.toString())
                .file("deploy/deployment.yaml", DEPLOYMENT.formatted("api", "quay.io/acme/api:2.0"));

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        assertThat(applications(pattern, "hub")).containsKey("deploy");
        assertThat(pattern.report().needsHuman()).anyMatch(n -> n.startsWith("Skipped") && n.contains("docker-compose.yml")
                && n.contains("aliases"));
    }

    // --- 2: the secrets template against the framework's own schema ---

    @Test
    void should_pass_the_values_secrets_v2_schema_when_the_source_references_api_keys_and_passwords() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "secret-app")
                .file("deploy/deployment.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: chat
                        spec:
                          template:
                            spec:
                              containers:
                                - name: chat
                                  image: quay.io/acme/chat:1
                                  env:
                                    - name: OPENAI_API_KEY
                                      valueFrom:
                                        secretKeyRef: {name: llm-credentials, key: api-key}
                                    - name: DB_PASSWORD
                                      valueFrom:
                                        secretKeyRef: {name: db, key: password}
                        """);

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        List<String> errors = secretsSchemaErrors(pattern);
        assertThat(errors).isEmpty();
        assertThat(text(pattern, "values-secret.yaml.template")).contains("onMissingValue: prompt", "onMissingValue: generate");
    }

    // --- 3: placeholders are not names ---

    @Test
    void should_keep_placeholders_out_of_the_pattern_and_ask_a_human_when_names_are_templated() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "placeholders")
                .file("tekton/task.yaml", """
                        apiVersion: tekton.dev/v1
                        kind: Task
                        metadata:
                          name: publish
                        spec:
                          steps:
                            - name: push
                              image: quay.io/acme/pusher:1
                              env:
                                - name: TOKEN
                                  valueFrom:
                                    secretKeyRef: {name: $(params.token-secret), key: token}
                        """)
                .file("deploy/app.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: shop
                          namespace: ${NAMESPACE}
                        spec:
                          template:
                            spec:
                              containers:
                                - name: shop
                                  image: quay.io/acme/shop:1
                                  envFrom:
                                    - secretRef: {name: "${APP_NAME}-secrets"}
                        """)
                .file("operators/subscription.yaml", """
                        apiVersion: operators.coreos.com/v1alpha1
                        kind: Subscription
                        metadata:
                          name: amq-streams
                          namespace: openshift-operators
                        spec:
                          name: amq-streams
                          channel: ${KAFKA_CHANNEL}
                          source: redhat-operators
                          sourceNamespace: openshift-marketplace
                        """)
                .chart("chart", "web", "", "replicas: 1\n")
                .file("chart/templates/deployment.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: {{ .Release.Name }}
                        spec:
                          template:
                            spec:
                              containers:
                                - name: web
                                  image: quay.io/acme/web:1
                                  env:
                                    - name: API_KEY
                                      valueFrom:
                                        secretKeyRef:
                                          name: {{ .Values.secretName }}
                                          key: api-key
                        """);

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        for (String file : pattern.files().keySet()) {
            if (file.startsWith("values-") || file.equals("values-secret.yaml.template")) {
                assertThat(text(pattern, file)).as(file).doesNotContain("TEMPLATED", "$(params", "${");
            }
        }
        assertThat(pattern.report().needsHuman())
                .anyMatch(n -> n.contains("$(params.token-secret)") && n.contains("tekton/task.yaml") && n.contains("?"))
                .anyMatch(n -> n.contains("${NAMESPACE}") && n.contains("deploy/app.yaml"))
                .anyMatch(n -> n.contains("${APP_NAME}"))
                .anyMatch(n -> n.contains("${KAFKA_CHANNEL}") && n.contains("amq-streams"))
                .anyMatch(n -> n.contains("Helm template expression") && n.contains("chart/templates/deployment.yaml"));
    }

    // --- 4: only sites are sites ---

    @Test
    void should_keep_one_cluster_group_when_the_only_other_overlay_is_a_smoke_test() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "go-web")
                .file("k/base/kustomization.yaml", "resources:\n  - deployment.yaml\n")
                .file("k/base/deployment.yaml", DEPLOYMENT.formatted("go-web", "quay.io/acme/go-web:1"))
                .file("k/overlays/prod/kustomization.yaml", "resources:\n  - ../../base\nnamespace: go-web\n")
                .file("k/tests/smoke/kustomization.yaml", "resources:\n  - ../../base\nnamePrefix: smoke-\n");

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        assertThat(pattern.report().clusterGroups()).containsExactly("hub");
        assertThat(pattern.files()).doesNotContainKey("values-smoke.yaml");
        assertThat(text(pattern, "values-hub.yaml")).doesNotContain("advanced-cluster-management");
        assertThat(m(applications(pattern, "hub").get("k")).get("path")).isEqualTo("charts/all/k/overlays/prod");
        assertThat(pattern.report().decisions()).anyMatch(d -> d.contains("k/tests/smoke") && d.contains("neither sites"));
    }

    // --- 5 and 6: Kustomize that builds ---

    @Test
    void should_build_with_kubectl_when_an_overlay_names_bases_components_and_patches_outside_its_folder() {
        Assumptions.assumeTrue(KUBECTL, "kubectl is not on the PATH: the generated Kustomize apps cannot be built here");
        // given: the base and the component live outside the app's folder, as in the microservices demo
        RepoBuilder repo = RepoBuilder.in(dir, "microservices-demo")
                .file("bases/web/kustomization.yaml", "resources:\n  - deployment.yaml\n")
                .file("bases/web/deployment.yaml", DEPLOYMENT.formatted("web", "quay.io/acme/web:1"))
                .file("components/monitoring/kustomization.yaml", """
                        apiVersion: kustomize.config.k8s.io/v1alpha1
                        kind: Component
                        commonLabels:
                          monitoring: enabled
                        """)
                .file("deploy/web/overlays/prod/replicas.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: web
                        spec:
                          replicas: 3
                        """)
                .file("deploy/web/overlays/prod/kustomization.yaml", """
                        resources:
                          - ../../../../bases/web
                        components:
                          - ../../../../components/monitoring
                        patches:
                          - path: replicas.yaml
                        namespace: web
                        """);

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        Map<String, Object> apps = applications(pattern, "hub");
        assertThat(apps).hasSize(1);
        String built = kustomizeBuild(dir.resolve("out-microservices-demo"), String.valueOf(m(apps.values().iterator().next()).get("path")));
        assertThat(built).contains("name: web", "replicas: 3", "monitoring: enabled", "namespace: web");
    }

    @Test
    void should_not_deploy_a_component_or_a_patch_only_folder_on_its_own_when_no_overlay_uses_it() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "kustomize-parts")
                .file("app/base/kustomization.yaml", "resources:\n  - deployment.yaml\n")
                .file("app/base/deployment.yaml", DEPLOYMENT.formatted("shop", "quay.io/acme/shop:1"))
                .file("extras/tls/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
                        + "patches:\n  - path: tls.yaml\n")
                .file("extras/tls/tls.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\n")
                .file("extras/scale/kustomization.yaml", "patches:\n  - path: scale.yaml\n")
                .file("extras/scale/scale.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  replicas: 2\n");

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        assertThat(applications(pattern, "hub")).containsOnlyKeys("app");
        assertThat(pattern.report().decisions()).anyMatch(d -> d.contains("extras/tls") && d.contains("Component"))
                .anyMatch(d -> d.contains("extras/scale") && d.contains("patches only"));
    }

    // --- 7: file:// sibling charts ---

    @Test
    void should_vendor_the_sibling_chart_and_deploy_it_once_when_a_chart_depends_on_it_by_file_url() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "observability-summarizer")
                .chart("deploy/helm/summarizer", "summarizer", """
                        dependencies:
                          - name: common
                            version: 0.1.0
                            repository: file://../common
                        """, "image: quay.io/acme/summarizer:1\n")
                .file("deploy/helm/summarizer/templates/deployment.yaml", DEPLOYMENT.formatted("summarizer", "quay.io/acme/summarizer:1"))
                .chart("deploy/helm/common", "common", "", "labels: {}\n")
                .file("deploy/helm/common/templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: common\n");

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        assertThat(applications(pattern, "hub")).containsOnlyKeys("summarizer");
        assertThat(pattern.files()).containsKey("charts/all/summarizer/charts/common/templates/configmap.yaml")
                .doesNotContainKey("charts/all/common/Chart.yaml");
        assertThat(text(pattern, "charts/all/summarizer/Chart.yaml")).contains("repository: file://./charts/common")
                .doesNotContain("file://../common");
    }

    // --- 8: YAML that is not for a cluster ---

    @Test
    void should_leave_tool_configuration_and_ci_files_out_when_a_repo_has_skaffold_and_github_folders() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "go-service")
                .chart("helm/go-service", "go-service", "", "image: quay.io/acme/go-service:1\n")
                .file("helm/go-service/templates/deployment.yaml", DEPLOYMENT.formatted("go-service", "quay.io/acme/go-service:1"))
                .file("skaffold.yaml", """
                        apiVersion: skaffold/v4beta6
                        kind: Config
                        metadata:
                          name: go-service
                        build:
                          artifacts:
                            - image: go-service
                        """)
                .file(".github/kind-config.yaml", "apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nmetadata:\n  name: ci\n")
                .file(".github/workflows/ci.yaml", "name: ci\non: [push]\njobs: {}\n");

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        assertThat(applications(pattern, "hub")).containsOnlyKeys("go-service");
        assertThat(pattern.files().keySet()).noneMatch(f -> f.endsWith("skaffold.yaml") || f.endsWith("kind-config.yaml"));
    }

    // --- 9: platform namespaces ---

    @Test
    void should_not_declare_openshift_operators_when_manifests_and_subscriptions_target_it() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "store-demo")
                .file("operators/config.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: operator-tuning
                          namespace: openshift-operators
                        data: {level: debug}
                        """)
                .file("operators/subscription.yaml", """
                        apiVersion: operators.coreos.com/v1alpha1
                        kind: Subscription
                        metadata:
                          name: web-terminal
                          namespace: openshift-operators
                        spec:
                          name: web-terminal
                          channel: fast
                          source: redhat-operators
                          sourceNamespace: openshift-marketplace
                        """);

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        Map<String, Object> hub = m(m(yaml(pattern, "values-hub.yaml")).get("clusterGroup"));
        assertThat(m(hub.get("namespaces"))).doesNotContainKey("openshift-operators");
        assertThat(m(applications(pattern, "hub").get("operators")).get("namespace")).isEqualTo("openshift-operators");
    }

    // --- 10: one install method per application; Argo CD Applications mapped ---

    @Test
    void should_install_the_application_once_with_its_chart_when_it_also_ships_kustomize_and_plain_manifests() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "shop")
                .chart("helm/shop", "shop", "", "image:\n  repository: quay.io/acme/shop\n  tag: \"2.0\"\n")
                .file("helm/shop/templates/deployment.yaml", DEPLOYMENT.formatted("{{ .Release.Name }}", "{{ .Values.image.repository }}"))
                .file("kustomize/base/kustomization.yaml", "resources:\n  - deployment.yaml\n")
                .file("kustomize/base/deployment.yaml", DEPLOYMENT.formatted("shop", "quay.io/acme/shop:2.0"))
                .file("kustomize/overlays/prod/kustomization.yaml", "resources:\n  - ../../base\n")
                .file("manifests/shop.yaml", DEPLOYMENT.formatted("shop", "quay.io/acme/shop:1.9"));

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        assertThat(applications(pattern, "hub")).containsOnlyKeys("shop");
        assertThat(m(applications(pattern, "hub").get("shop")).get("path")).isEqualTo("charts/all/shop");
        assertThat(pattern.report().decisions()).anyMatch(d -> d.startsWith("Installed with Helm chart") && d.contains("helm/shop"))
                .anyMatch(d -> d.startsWith("Not deployed: Kustomize") && d.contains("kustomize"))
                .anyMatch(d -> d.startsWith("Not deployed: plain manifests 'manifests'"));
    }

    @Test
    void should_map_argo_cd_applications_to_cluster_group_applications_when_the_repo_is_an_app_of_apps() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "argocd-example-apps")
                .file("apps/root.yaml", argoApp("root", "path: apps/children", "argocd"))
                .file("apps/children/guestbook.yaml", argoApp("guestbook", "path: guestbook", "guestbook-prod"))
                .file("apps/children/redis.yaml", """
                        apiVersion: argoproj.io/v1alpha1
                        kind: Application
                        metadata:
                          name: redis
                        spec:
                          project: default
                          source:
                            repoURL: https://charts.bitnami.com/bitnami
                            chart: redis
                            targetRevision: 18.1.0
                          destination:
                            server: https://kubernetes.default.svc
                            namespace: cache
                        """)
                .file("guestbook/deployment.yaml", DEPLOYMENT.formatted("guestbook", "quay.io/acme/guestbook:1"));

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        Map<String, Object> apps = applications(pattern, "hub");
        assertThat(apps).containsOnlyKeys("guestbook", "redis");
        assertThat(m(apps.get("guestbook"))).containsEntry("path", "charts/all/guestbook").containsEntry("namespace", "guestbook-prod");
        assertThat(m(apps.get("redis"))).containsEntry("chart", "redis").containsEntry("chartVersion", "18.1.0")
                .containsEntry("repoURL", "https://charts.bitnami.com/bitnami").containsEntry("namespace", "cache");
        assertThat(pattern.files().keySet()).noneMatch(f -> f.endsWith("templates/guestbook.yaml") || f.endsWith("templates/root.yaml"));
        assertThat(pattern.report().decisions()).anyMatch(d -> d.contains("app of apps"))
                .anyMatch(d -> d.startsWith("Installed with Argo CD Application (manifests)") && d.contains("guestbook"));
    }

    @Test
    void should_deploy_the_overlay_an_argo_cd_application_names_when_it_points_at_a_kustomize_overlay() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "go-web-argo")
                .file("argocd/go-web.yaml", argoApp("go-web-stage", "path: k/overlays/stage", "go-web-stage"))
                .file("k/base/kustomization.yaml", "resources:\n  - deployment.yaml\n")
                .file("k/base/deployment.yaml", DEPLOYMENT.formatted("go-web", "quay.io/acme/go-web:1"))
                .file("k/overlays/prod/kustomization.yaml", "resources:\n  - ../../base\n")
                .file("k/overlays/stage/kustomization.yaml", "resources:\n  - ../../base\nnamePrefix: stage-\n");

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        Map<String, Object> apps = applications(pattern, "hub");
        assertThat(apps).containsOnlyKeys("go-web-stage");
        assertThat(m(apps.get("go-web-stage"))).containsEntry("path", "charts/all/go-web-stage/overlays/stage")
                .containsEntry("namespace", "go-web-stage").containsEntry("kustomize", true);
        assertThat(pattern.report().needsHuman()).noneMatch(n -> n.contains("Argo CD"));
        assertThat(pattern.report().decisions()).anyMatch(d -> d.startsWith("Installed with Argo CD Application (Kustomize)"));
    }

    // --- 12: detection ---

    @Test
    void should_not_take_a_commented_out_line_as_evidence_when_content_rules_run() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "cpu-only")
                .chart("chart", "cpu-only", "", "resources:\n  limits:\n    cpu: 2\n    # nvidia.com/gpu: 1\n")
                .file("chart/templates/deployment.yaml", DEPLOYMENT.formatted("api", "quay.io/acme/api:1"));

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        assertThat(detection(pattern, "ai-ml-inference").evidence()).noneMatch(e -> e.rule().equals("gpu-request"));
    }

    @Test
    void should_detect_ai_and_mcp_and_report_remote_charts_when_a_quickstart_umbrella_chart_depends_on_them() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "ai-virtual-agent")
                .chart("deploy/helm/ai-virtual-agent", "ai-virtual-agent", """
                        dependencies:
                          - name: llm-service
                            version: 0.3.0
                            repository: https://rh-ai-quickstart.github.io/ai-architecture-charts
                          - name: llama-stack
                            version: 0.2.1
                            repository: https://rh-ai-quickstart.github.io/ai-architecture-charts
                          - name: mcp-servers
                            version: 0.1.0
                            repository: oci://quay.io/rh-ai-quickstart/charts
                        """, "image: quay.io/acme/agent:1\n")
                .file("deploy/helm/ai-virtual-agent/templates/deployment.yaml", DEPLOYMENT.formatted("agent", "quay.io/acme/agent:1"));

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        assertThat(detection(pattern, "ai-ml-inference").detected()).isTrue();
        assertThat(detection(pattern, "mcp").detected()).isTrue();
        assertThat(pattern.report().decisions()).anyMatch(d -> d.startsWith("Remote chart") && d.contains("'llm-service'"))
                .anyMatch(d -> d.startsWith("Remote chart") && d.contains("'mcp-servers'") && d.contains("oci://quay.io"));
        assertThat(text(pattern, "conversion-report.json")).contains("\"remote\" : true");
    }

    @Test
    void should_name_the_product_of_each_subscription_when_observability_and_developer_operators_are_installed() {
        // given
        StringBuilder subs = new StringBuilder();
        for (String pkg : List.of("devspaces", "loki-operator", "cluster-logging", "cluster-observability-operator",
                "opentelemetry-product", "tempo-product")) {
            subs.append("---\napiVersion: operators.coreos.com/v1alpha1\nkind: Subscription\nmetadata:\n  name: ").append(pkg)
                    .append("\n  namespace: openshift-operators\nspec:\n  name: ").append(pkg).append("\n  channel: stable\n");
        }
        RepoBuilder repo = RepoBuilder.in(dir, "observability").file("operators/subscriptions.yaml", subs.toString())
                .file("app/deployment.yaml", DEPLOYMENT.formatted("api", "quay.io/acme/api:1"));

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        assertThat(pattern.report().products()).hasSize(6).allSatisfy(p -> assertThat(p.product()).isNotNull());
        assertThat(pattern.report().needsHuman()).noneMatch(n -> n.contains("not one the converter knows"));
    }

    @Test
    void should_detect_ai_when_the_gpu_request_is_in_a_values_file() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "gpu-chart")
                .chart("chart", "model", "", "model:\n  resources:\n    limits:\n      nvidia.com/gpu: 1\n")
                .file("chart/templates/deployment.yaml", DEPLOYMENT.formatted("model", "quay.io/acme/model-runner:1"));

        // when
        GeneratedPattern pattern = convert(repo);

        // then
        assertThat(detection(pattern, "ai-ml-inference").detected()).isTrue();
        assertThat(detection(pattern, "ai-ml-inference").evidence()).anySatisfy(e -> {
            assertThat(e.rule()).isEqualTo("gpu-resource-request");
            assertThat(e.file()).isEqualTo("chart/values.yaml");
        });
    }

    // --- 13: framework files ---

    @Test
    void should_write_the_framework_entry_points_and_the_pattern_repository_when_a_push_url_is_given() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "web-app").file("k8s/deployment.yaml", DEPLOYMENT.formatted("web", "quay.io/acme/web:1"));

        // when
        GeneratedPattern pattern = Fixtures.converter().convert(repo.root().toString(), Optional.empty(), Optional.empty(),
                Optional.of("https://bot:s3cret@github.com/acme/web-app-pattern.git"));

        // then
        assertThat(text(pattern, "pattern.sh")).contains("-v \"$(pwd -P)\":\"$(pwd -P)\"", "-w \"$(pwd -P)\"");
        assertThat(text(pattern, "Makefile-common")).contains("uninstall:", "rhvp.cluster_utils.uninstall");
        assertThat(text(pattern, "ansible.cfg")).contains("[defaults]", "localhost_warning=False");
        Map<String, Object> metadata = m(yaml(pattern, "pattern-metadata.yaml"));
        assertThat(metadata).containsEntry("repo_url", "https://github.com/acme/web-app-pattern")
                .containsEntry("issues_url", "https://github.com/acme/web-app-pattern/issues");
        assertThat(pattern.report().needsHuman()).noneMatch(n -> n.contains("repo_url"));
    }

    // --- the goal: a single-chart AI application ---

    @Test
    void should_give_a_pattern_with_only_secrets_to_fill_when_the_source_is_a_single_chart_ai_application() {
        // given
        RepoBuilder repo = RepoBuilder.in(dir, "rag-quickstart")
                .chart("deploy/helm/rag", "rag", """
                        dependencies:
                          - name: pgvector
                            version: 0.2.0
                            repository: https://rh-ai-quickstart.github.io/ai-architecture-charts
                        """, """
                        image: quay.io/acme/rag-ui:1.2
                        model:
                          resources:
                            limits:
                              nvidia.com/gpu: 1
                        """)
                .file("deploy/helm/rag/templates/deployment.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: rag-ui
                        spec:
                          template:
                            spec:
                              containers:
                                - name: ui
                                  image: quay.io/acme/rag-ui:1.2
                                  env:
                                    - name: HF_TOKEN
                                      valueFrom:
                                        secretKeyRef: {name: huggingface, key: hf-token}
                        """)
                .file("deploy/helm/rag/templates/inference.yaml", """
                        apiVersion: serving.kserve.io/v1beta1
                        kind: InferenceService
                        metadata:
                          name: granite
                        spec:
                          predictor:
                            model:
                              modelFormat: {name: vLLM}
                              runtime: vllm-runtime
                        """)
                .file("requirements.txt", "langchain\npgvector\n");

        // when
        GeneratedPattern pattern = Fixtures.converter().convert(repo.root().toString(), Optional.empty(), Optional.empty(),
                Optional.of("https://github.com/acme/rag-pattern.git"));
        check(pattern, dir.resolve("out-goal"));

        // then
        Map<String, Object> hub = m(m(yaml(pattern, "values-hub.yaml")).get("clusterGroup"));
        assertThat(m(hub.get("applications"))).containsOnlyKeys("rag", "ai-platform", "vault", "openshift-external-secrets");
        assertThat(text(pattern, "charts/all/ai-platform/templates/datasciencecluster.yaml")).contains("kind: DataScienceCluster",
                "kserve:\n      managementState: Managed\n      serving:\n        managementState: Managed");
        assertThat(pattern.files()).containsKeys("charts/all/ai-platform/templates/nodefeaturediscovery.yaml",
                "charts/all/ai-platform/templates/clusterpolicy.yaml");
        Map<String, Object> subscriptions = m(hub.get("subscriptions"));
        assertThat(subscriptions.values()).extracting(s -> m(s).get("name")).contains("rhods-operator", "nfd", "gpu-operator-certified",
                "serverless-operator", "servicemeshoperator", "openshift-external-secrets-operator");
        assertThat(subscriptions.values()).anySatisfy(s -> assertThat(m(s)).containsEntry("name", "gpu-operator-certified")
                .containsEntry("source", "certified-operators"));
        Map<String, Object> namespaces = m(hub.get("namespaces"));
        assertThat(namespaces).containsKeys("redhat-ods-operator", "openshift-nfd", "nvidia-gpu-operator", "openshift-serverless")
                .doesNotContainKey("openshift-operators");
        assertThat(m(namespaces.get("redhat-ods-operator"))).containsEntry("operatorGroup", true).containsEntry("targetNamespaces", List.of());
        assertThat(pattern.report().needsHuman()).hasSize(1).allMatch(n -> n.startsWith("Secrets found (huggingface)"));
        assertThat(pattern.report().decisions()).anyMatch(d -> d.startsWith("Added operator rhods-operator"));
    }

    @Test
    void should_add_neither_serverless_nor_service_mesh_when_every_inference_service_is_a_raw_deployment() {
        // when: kserve-inference's InferenceService is annotated serving.kserve.io/deploymentMode: RawDeployment
        GeneratedPattern pattern = Fixtures.convert("kserve-inference");
        check(pattern, dir.resolve("out-raw"));

        // then
        Map<String, Object> subscriptions = m(m(m(yaml(pattern, "values-hub.yaml")).get("clusterGroup")).get("subscriptions"));
        assertThat(subscriptions.values()).extracting(s -> m(s).get("name")).contains("rhods-operator", "nfd", "gpu-operator-certified")
                .doesNotContain("serverless-operator", "servicemeshoperator");
        assertThat(text(pattern, "charts/all/ai-platform/templates/datasciencecluster.yaml"))
                .contains("defaultDeploymentMode: RawDeployment");
    }

    // --- helpers ---

    private static String argoApp(String name, String source, String namespace) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: %s
                  namespace: openshift-gitops
                spec:
                  project: default
                  source:
                    repoURL: https://github.com/argoproj/argocd-example-apps.git
                    targetRevision: HEAD
                    %s
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: %s
                """.formatted(name, source, namespace);
    }

    /** Converts the repository and checks the output as a maintainer's CI would. */
    private GeneratedPattern convert(RepoBuilder repo) {
        GeneratedPattern pattern = Fixtures.converter().convert(repo.root().toString(), Optional.empty(), Optional.empty());
        check(pattern, dir.resolve("out-" + repo.root().getFileName()));
        return pattern;
    }

    private void check(GeneratedPattern pattern, Path out) {
        PatternFiles.writeTo(pattern, out);
        CLUSTER_GROUP_SCHEMA.errors(out).forEach((file, problems) -> assertThat(problems).as(file).isEmpty());
        if (pattern.files().containsKey("values-secret.yaml.template")) {
            assertThat(secretsSchemaErrors(pattern)).as("values-secret.yaml.template").isEmpty();
        }
        if (!KUBECTL) {
            System.err.println("kubectl is not on the PATH: generated Kustomize apps were not built");
            return;
        }
        for (String file : pattern.files().keySet()) {
            if (file.matches("values-[a-z0-9-]+\\.yaml") && !file.equals("values-global.yaml")) {
                Map<String, Object> apps = m(m(m(yaml(pattern, file)).get("clusterGroup")).get("applications"));
                apps.values().stream().map(ConversionTest::m).filter(a -> Boolean.TRUE.equals(a.get("kustomize")))
                        .forEach(a -> kustomizeBuild(out, String.valueOf(a.get("path"))));
            }
        }
    }

    private static String kustomizeBuild(Path out, String path) {
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", out.resolve(path).toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("kubectl kustomize " + path + " finished").isTrue();
            assertThat(p.exitValue()).as("kubectl kustomize " + path + ":\n" + output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> secretsSchemaErrors(GeneratedPattern pattern) {
        Object template = SafeYaml.load(text(pattern, "values-secret.yaml.template"), "values-secret.yaml.template");
        try {
            return SECRETS_SCHEMA.validate(JSON.writeValueAsString(template), InputFormat.JSON).stream().map(Object::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema secretsSchema() {
        try {
            String text = Files.readString(FrameworkSchemaCheck.sharedSchemas().resolve("values-secrets/values-secrets.v2.schema.json"));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        List<Path> dirs = new ArrayList<>();
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty()) {
                dirs.add(Path.of(d));
            }
        }
        return dirs.stream().anyMatch(d -> Files.isExecutable(d.resolve(command)));
    }
}
