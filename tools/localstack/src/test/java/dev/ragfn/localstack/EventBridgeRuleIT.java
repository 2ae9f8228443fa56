package dev.ragfn.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ragfn.testing.InfraServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule sam/template.yaml gives ingest for document.submitted, put on LocalStack's EventBridge as
 * the template writes it (pattern and InputPath), with an SQS queue standing in for the function: the
 * sample event of sam/events reaches it as its CloudEvent's data, and an event of another type does not.
 */
@Testcontainers(disabledWithoutDocker = true)
class EventBridgeRuleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUS = "ragfn";

    private static EventBridgeClient events;
    private static SqsClient sqs;
    private static String queueUrl;
    private static JsonNode rule;

    @BeforeAll
    static void createBusRuleAndQueue() throws IOException {
        Path root = InfraServer.repoRoot();
        rule = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("sam/template.yaml").toFile())
                .path("Resources").path("IngestFunction").path("Properties").path("Events").path("DocumentSubmitted").path("Properties");
        assertThat(rule.path("Pattern").isObject()).as("IngestFunction's DocumentSubmitted rule in sam/template.yaml").isTrue();

        events = LocalStack.on(EventBridgeClient.builder()).httpClientBuilder(Apache5HttpClient.builder()).build();
        sqs = LocalStack.on(SqsClient.builder()).httpClientBuilder(Apache5HttpClient.builder()).build();
        queueUrl = sqs.createQueue(b -> b.queueName("ingest-stand-in")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);

        events.createEventBus(b -> b.name(BUS));
        events.putRule(b -> b.name("ingest-document-submitted").eventBusName(BUS).eventPattern(rule.path("Pattern").toString()));
        events.putTargets(b -> b.rule("ingest-document-submitted").eventBusName(BUS)
                .targets(Target.builder().id("ingest").arn(queueArn).inputPath(rule.path("InputPath").asText()).build()));
    }

    @AfterAll
    static void close() {
        events.close();
        sqs.close();
    }

    @Test
    void should_hand_the_cloud_event_data_to_ingest_only_when_the_type_is_document_submitted() throws IOException {
        // given: the sample event, and the same event retyped to one ingest does not consume
        JsonNode sample = JSON.readTree(InfraServer.repoRoot().resolve("sam/events/document-submitted.json").toFile());
        ObjectNode other = sample.deepCopy();
        other.put("detail-type", "dev.ragfn.document.indexed");
        ((ObjectNode) other.path("detail")).put("type", "dev.ragfn.document.indexed");
        ((ObjectNode) other.path("detail").path("data")).put("documentId", "not-for-ingest");

        // when
        PutEventsResponse put = events.putEvents(b -> b.entries(List.of(entry(other), entry(sample))));

        // then
        assertThat(put.failedEntryCount()).isZero();
        List<JsonNode> delivered = receive(Duration.ofSeconds(20));
        assertThat(delivered).containsExactly(sample.path("detail").path("data"));
    }

    private static PutEventsRequestEntry entry(JsonNode event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(BUS)
                .source(event.path("source").asText())
                .detailType(event.path("detail-type").asText())
                .detail(event.path("detail").toString())
                .build();
    }

    /** Every message until the queue has stayed empty for one long poll after the first arrived, or the deadline. */
    private static List<JsonNode> receive(Duration deadline) throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(2).maxNumberOfMessages(10)).messages();
            for (Message message : messages) {
                bodies.add(JSON.readTree(message.body()));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            if (messages.isEmpty() && !bodies.isEmpty()) {
                break;
            }
        }
        return bodies;
    }
}
