package dev.ragfn.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** What /q/health/ready says about the in-process model's load. */
class InProcessModelReadinessTest {

    @Test
    void should_be_down_and_say_so_when_the_model_is_loading() {
        HealthCheckResponse response = InProcessModelReadiness.response(new LoadedModels.State.Loading<>(InProcessModel.ALL_MINILM_L6_V2));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).contains(Map.of("model", "all-minilm-l6-v2", "state", "loading"));
    }

    @Test
    void should_be_down_with_the_error_when_the_load_failed() {
        HealthCheckResponse response = InProcessModelReadiness.response(new LoadedModels.State.Failed<>(
                InProcessModel.BGE_SMALL_EN_V15_Q, "bge-small-en-v1.5-q.onnx is missing from the class path"));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).contains(Map.of("model", "bge-small-en-v1.5-q",
                "error", "bge-small-en-v1.5-q.onnx is missing from the class path"));
    }

    @Test
    void should_be_up_when_every_load_finished() {
        HealthCheckResponse response = InProcessModelReadiness.response(new LoadedModels.State.Ready<>());

        assertThat(response.getName()).isEqualTo("ragfn-embedding-model");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
