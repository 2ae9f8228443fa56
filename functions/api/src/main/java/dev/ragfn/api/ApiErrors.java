package dev.ragfn.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.runtime.http.HttpErrors;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * The HTTP status of each error kind with a JSON {@code {"kind", "message"}}, for the API's resources
 * (Quarkus REST answers a body it cannot read with a bare 400 otherwise). chat-turn maps alike; in the
 * bundle, where both are present, the lower priority keeps the two from competing.
 */
public class ApiErrors {

    @ServerExceptionMapper(priority = Priorities.USER + 1)
    public Response map(RagfnException e) {
        return problem(HttpErrors.status(e.kind()), e.kind().name(), e.getMessage());
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1)
    public Response map(MismatchedInputException e) {
        return problem(400, RagfnException.Kind.INVALID_INPUT.name(), HttpErrors.unreadableBody(e));
    }

    /** A body that is not JSON arrives wrapped in a bare 400; other refusals keep their own answer. */
    @ServerExceptionMapper(priority = Priorities.USER + 1)
    public Response map(WebApplicationException e) {
        String unreadable = HttpErrors.unreadableBody(e.getCause());
        return unreadable == null ? e.getResponse() : problem(400, RagfnException.Kind.INVALID_INPUT.name(), unreadable);
    }

    private static Response problem(int status, String kind, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("kind", kind, "message", message)).build();
    }
}
