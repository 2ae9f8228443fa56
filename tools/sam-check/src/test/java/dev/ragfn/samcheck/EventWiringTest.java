package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.event.EventTypes;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class EventWiringTest {

    private static final String RULE = "EventBridgeRule";
    private static final String RESULT = "Lambda Function Invocation Result - Success";

    private final Template template = Template.load();
    private final Triggers triggers = Triggers.load();

    @Test
    void should_match_exactly_the_consumed_types_when_rules_listen_on_the_bus() {
        for (String module : Repo.functionModules()) {
            // given
            Set<String> consumed = triggers.consumes(module);

            // when
            Set<String> published = new TreeSet<>();
            for (Template.Event rule : busRules(module)) {
                JsonNode pattern = rule.properties().path("Pattern");
                if (!pattern.has("source")) {
                    assertThat(fieldNames(pattern)).as(rule.name()).containsExactly("detail-type");
                    // The whole event, so its trace context arrives; EventEnvelopes hands a data-only handler the data.
                    assertThat(rule.properties().path("InputPath").asText()).as(rule.name()).isEqualTo("$.detail");
                    pattern.path("detail-type").forEach(t -> published.add(t.asText()));
                }
            }

            // then
            assertThat(published).as(module).isEqualTo(consumed);
        }
    }

    @Test
    void should_pick_function_answers_of_the_consumed_types_when_another_function_emits_them() {
        for (String module : Repo.functionModules()) {
            // given
            Set<String> expected = new TreeSet<>(triggers.consumes(module));
            expected.retainAll(triggers.answeredByAnyFunction());

            // when
            Set<String> answers = new TreeSet<>();
            for (Template.Event rule : busRules(module)) {
                JsonNode pattern = rule.properties().path("Pattern");
                if (pattern.has("source")) {
                    assertThat(pattern.path("source").toString()).as(rule.name()).isEqualTo("[\"lambda\"]");
                    assertThat(pattern.path("detail-type").toString()).as(rule.name()).isEqualTo("[\"" + RESULT + "\"]");
                    assertThat(rule.properties().path("InputPath").asText()).as(rule.name())
                            .isEqualTo("$.detail.responsePayload");
                    pattern.path("detail").path("responsePayload").path("type").forEach(t -> answers.add(t.asText()));
                }
            }

            // then
            assertThat(answers).as(module).isEqualTo(expected);
        }
    }

    @Test
    void should_retry_and_dead_letter_as_declared_when_any_rule_or_schedule_delivers() {
        for (String module : Repo.functionModules()) {
            Triggers.Delivery delivery = triggers.delivery(module);
            for (Template.Event event : template.events(Template.functionId(module))) {
                if (event.type().equals("HttpApi")) {
                    continue; // a user's call, answered synchronously: the caller sees the error and retries
                }
                JsonNode props = event.properties();
                assertThat(props.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).as(event.name())
                        .isEqualTo(delivery.retry());
                assertThat(Template.getAttArn(props.path("DeadLetterConfig").path("Arn"))).as(event.name())
                        .isEqualTo(Repo.pascal(delivery.deadLetterSink()));
            }
        }
    }

    @Test
    void should_declare_no_attribute_filters_the_template_cannot_express_when_reading_triggers() {
        // Rules match on detail-type only; a tenant or knowledgebase filter needs a detail pattern here.
        for (String module : Repo.functionModules()) {
            assertThat(triggers.filteredAttributes(module)).as(module).isEmpty();
        }
    }

    @Test
    void should_ingest_objects_created_in_the_ingest_bucket_when_the_function_takes_submissions() {
        for (String module : Repo.functionModules()) {
            // given
            boolean takesSubmissions = triggers.consumes(module).contains(EventTypes.DOCUMENT_SUBMITTED);

            // when
            var s3Rules = template.events(Template.functionId(module), RULE).stream()
                    .filter(rule -> rule.properties().path("Pattern").path("source").toString().equals("[\"aws.s3\"]"))
                    .toList();

            // then
            assertThat(s3Rules).as(module).hasSize(takesSubmissions ? 1 : 0);
            for (Template.Event rule : s3Rules) {
                JsonNode props = rule.properties();
                assertThat(props.has("EventBusName")).as("S3 notifies the default bus").isFalse();
                assertThat(props.path("Pattern").path("detail-type").toString()).isEqualTo("[\"Object Created\"]");
                assertThat(Template.ref(props.path("Pattern").path("detail").path("bucket").path("name").path(0)))
                        .isEqualTo("IngestBucketName");
            }
        }
        JsonNode bucket = template.resource("IngestBucket").path("Properties");
        assertThat(Template.ref(bucket.path("BucketName"))).isEqualTo("IngestBucketName");
        assertThat(bucket.path("NotificationConfiguration").path("EventBridgeConfiguration")
                .path("EventBridgeEnabled").asBoolean()).isTrue();
    }

    @Test
    void should_check_the_tenant_and_knowledge_base_of_uploads_at_deploy_time_when_the_s3_rule_names_them()
            throws Exception {
        // given: the names ragfn accepts (dev.ragfn.core.domain.Ids)
        java.lang.reflect.Field name = dev.ragfn.core.domain.Ids.class.getDeclaredField("NAME");
        name.setAccessible(true);
        String accepted = ((java.util.regex.Pattern) name.get(null)).pattern();

        // when
        JsonNode parameters = template.root().path("Parameters");

        // then: CloudFormation refuses other values, so the rule's JSON always names a valid tenant and knowledge base
        assertThat(parameters.path("IngestTenant").path("AllowedPattern").asText()).isEqualTo(accepted);
        assertThat(parameters.path("IngestKnowledgeBase").path("AllowedPattern").asText()).isEqualTo(accepted);
        assertThat(parameters.path("IngestTenant").path("Default").asText()).matches(accepted);
        assertThat(parameters.path("IngestKnowledgeBase").path("Default").asText()).matches(accepted);
    }

    @Test
    void should_schedule_exactly_the_declared_schedules_when_a_function_has_them() throws Exception {
        for (String module : Repo.functionModules()) {
            // given
            var declared = triggers.schedules(module);

            // when
            var schedules = template.events(Template.functionId(module), "ScheduleV2");

            // then
            assertThat(schedules.stream().map(Template.Event::name))
                    .as(module).containsExactlyInAnyOrderElementsOf(declared.stream().map(s -> Repo.pascal(s.name())).toList());
            for (Triggers.Schedule schedule : declared) {
                JsonNode props = schedules.stream().filter(s -> s.name().equals(Repo.pascal(schedule.name())))
                        .findFirst().orElseThrow().properties();
                assertThat(props.path("ScheduleExpression").asText()).isEqualTo(schedulerCron(schedule.cron()));
                assertThat(props.path("ScheduleExpressionTimezone").asText()).isEqualTo(schedule.timezone());
                assertThat(Repo.JSON.readTree(props.path("Input").asText())).isEqualTo(schedule.data());
            }
        }
    }

    @Test
    void should_convert_five_field_cron_to_scheduler_syntax_when_day_of_week_is_free() {
        assertThat(schedulerCron("0 6 * * *")).isEqualTo("cron(0 6 * * ? *)");
        assertThat(schedulerCron("30 2 * * 1")).isEqualTo("cron(30 2 ? * 1 *)");
    }

    /** Kubernetes cron (m h dom mon dow) to EventBridge Scheduler's, which wants a year and one '?'. */
    static String schedulerCron(String cron) {
        String[] f = cron.trim().split("\\s+");
        String dom = f[2];
        String dow = f[4];
        if (dow.equals("*")) {
            dow = "?";
        } else {
            dom = "?";
        }
        return "cron(%s %s %s %s %s *)".formatted(f[0], f[1], dom, f[3], dow);
    }

    private java.util.List<Template.Event> busRules(String module) {
        return template.events(Template.functionId(module), RULE).stream()
                .filter(rule -> "RagfnBus".equals(Template.ref(rule.properties().path("EventBusName"))))
                .toList();
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
