package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who can call each function of sam/template.yaml: no function URL at all, users only through an HTTP API whose every
 * route checks a JWT, event-only functions (triggers.yaml) through no API, and user-facing functions checking the
 * token again themselves.
 */
class AccessTest {

    /** Event sources that put a function behind an API Gateway URL. */
    private static final Set<String> API_EVENTS = Set.of("Api", "HttpApi");
    /** Resources that would expose a URL beside the HTTP API this template declares. */
    private static final Set<String> OTHER_ENTRY_POINTS = Set.of("AWS::Lambda::Url", "AWS::Serverless::Api",
            "AWS::ApiGateway::RestApi", "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Route");

    private final Template template = Template.load();
    private final Triggers triggers = Triggers.load();

    @Test
    void should_give_no_function_a_url_when_the_template_is_read() {
        // given
        JsonNode globals = template.root().path("Globals").path("Function");

        // then
        assertThat(globals.has("FunctionUrlConfig")).as("Globals.Function.FunctionUrlConfig").isFalse();
        for (String function : template.ofType(Template.FUNCTION).keySet()) {
            assertThat(template.properties(function).has("FunctionUrlConfig")).as("FunctionUrlConfig of %s", function).isFalse();
        }
        template.resources().properties().forEach(resource -> assertThat(resource.getValue().path("Type").asText())
                .as("type of %s", resource.getKey()).isNotIn(OTHER_ENTRY_POINTS));
    }

    @Test
    void should_check_a_jwt_on_every_api_route_when_functions_declare_routes() {
        // given
        List<Template.Event> routes = new ArrayList<>();
        template.ofType(Template.FUNCTION).keySet().forEach(f -> template.events(f).stream()
                .filter(e -> API_EVENTS.contains(e.type())).forEach(routes::add));
        assertThat(routes).as("API routes of the template").isNotEmpty();

        for (Template.Event route : routes) {
            // when
            String apiId = Template.ref(route.properties().path("ApiId"));
            JsonNode api = template.resource(apiId == null ? "" : apiId).path("Properties");
            String authorizer = route.properties().path("Auth").path("Authorizer")
                    .asText(api.path("Auth").path("DefaultAuthorizer").asText(""));
            JsonNode jwt = api.path("Auth").path("Authorizers").path(authorizer);

            // then
            assertThat(route.type()).as("route %s: a REST API (Api) has no JWT authorizer here", route.name()).isEqualTo("HttpApi");
            assertThat(apiId).as("route %s names its API (an implicit one has no authorizer)", route.name()).isNotNull();
            assertThat(template.resource(apiId).path("Type").asText()).as("ApiId of %s", route.name()).isEqualTo(Template.HTTP_API);
            assertThat(authorizer).as("authorizer of route %s", route.name()).isNotEmpty().isNotEqualTo("NONE");
            assertThat(jwt.path("IdentitySource").asText()).as("authorizer %s", authorizer).isEqualTo("$request.header.Authorization");
            assertThat(jwt.path("JwtConfiguration").path("issuer").isMissingNode()).as("issuer of %s", authorizer).isFalse();
            assertThat(jwt.path("JwtConfiguration").path("audience")).as("audience of %s", authorizer).isNotEmpty();
        }
    }

    @Test
    void should_route_no_api_call_to_an_event_only_function_when_triggers_give_it_events() {
        for (String module : Repo.functionModules()) {
            if (!triggers.eventOnly(module)) {
                continue;
            }

            // when
            List<String> apiEvents = template.events(Template.functionId(module)).stream()
                    .filter(e -> API_EVENTS.contains(e.type())).map(Template.Event::name).toList();

            // then
            assertThat(apiEvents).as("API routes of event-only %s", module).isEmpty();
            assertThat(template.handler(Template.functionId(module))).as("entry point of %s", module)
                    .isEqualTo(Template.FUNQY_HANDLER);
        }
    }

    @Test
    void should_check_the_token_again_in_every_user_facing_function_when_the_template_is_read() {
        List<String> userFacing = Repo.functionModules().stream().filter(m -> !triggers.eventOnly(m)).toList();
        assertThat(userFacing).contains("chat-turn", "retrieve", "shield");

        for (String module : userFacing) {
            // given
            String function = Template.functionId(module);

            // then
            assertThat(template.environment(function, "RAGFN_AUTH_MODE").asText()).as("RAGFN_AUTH_MODE of %s", module)
                    .isEqualTo("oidc");
            assertThat(template.environment(function, "RAGFN_AUTH_ISSUER").isMissingNode()).as("RAGFN_AUTH_ISSUER of %s", module).isFalse();
            assertThat(template.environment(function, "RAGFN_AUTH_AUDIENCE").isMissingNode()).as("RAGFN_AUTH_AUDIENCE of %s", module).isFalse();
            assertThat(template.events(function, "HttpApi")).as("routes of %s", module).isNotEmpty();
            assertThat(template.handler(function)).as("entry point of %s: it must understand HTTP API events", module)
                    .isEqualTo(Template.HTTP_HANDLER);
        }
    }

    @Test
    void should_trust_the_same_issuer_and_audience_in_the_authorizer_and_the_functions_when_both_are_read() {
        // given
        JsonNode api = template.ofType(Template.HTTP_API).values().iterator().next().path("Properties").path("Auth");
        JsonNode jwt = api.path("Authorizers").path(api.path("DefaultAuthorizer").asText()).path("JwtConfiguration");
        JsonNode globals = template.root().path("Globals").path("Function").path("Environment").path("Variables");

        // then
        assertThat(jwt.path("issuer")).isEqualTo(globals.path("RAGFN_AUTH_ISSUER"));
        assertThat(jwt.path("audience")).singleElement().isEqualTo(globals.path("RAGFN_AUTH_AUDIENCE"));
    }
}
