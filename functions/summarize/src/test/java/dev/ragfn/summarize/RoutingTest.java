package dev.ragfn.summarize;

import dev.ragfn.core.event.EventTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest {

    @Test
    void should_route_summary_requested_to_summary_created_when_configured_in_properties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RoutingTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }

        assertThat(properties.getProperty("quarkus.funqy.knative-events.mapping.summarize.trigger"))
                .isEqualTo(EventTypes.SUMMARY_REQUESTED);
        assertThat(properties.getProperty("quarkus.funqy.knative-events.mapping.summarize.response-type"))
                .isEqualTo(EventTypes.SUMMARY_CREATED);
        assertThat(properties.getProperty("quarkus.funqy.knative-events.mapping.summarize.response-source"))
                .isEqualTo("/ragfn/summarize");
    }

    @Test
    void should_route_knative_pings_to_summary_created_when_a_schedule_fires() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RoutingTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }

        assertThat(properties.getProperty("quarkus.funqy.knative-events.mapping.onSchedule.trigger"))
                .isEqualTo(SummarizeFunction.KNATIVE_PING);
        assertThat(properties.getProperty("quarkus.funqy.knative-events.mapping.onSchedule.response-type"))
                .isEqualTo(EventTypes.SUMMARY_CREATED);
        assertThat(properties.getProperty("quarkus.funqy.knative-events.mapping.onSchedule.response-source"))
                .isEqualTo("/ragfn/summarize");
    }
}
