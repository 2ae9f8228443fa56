package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.runtime.http.HttpErrors;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** The HTTP status of each error kind, with the message that says what to do. */
public class ErrorResponses {

    @ServerExceptionMapper
    public Response map(RagfnException e) {
        return problem(HttpErrors.status(e.kind()), e.kind().name(), e.getMessage());
    }

    /** A body of another shape ([], a string): Jackson's error, said as Funqy's routes say it. */
    @ServerExceptionMapper
    public Response map(MismatchedInputException e) {
        return problem(400, RagfnException.Kind.INVALID_INPUT.name(), HttpErrors.unreadableBody(e));
    }

    /** A body that is not JSON arrives wrapped in a bare 400; other refusals keep their own answer. */
    @ServerExceptionMapper
    public Response map(WebApplicationException e) {
        String unreadable = HttpErrors.unreadableBody(e.getCause());
        return unreadable == null ? e.getResponse() : problem(400, RagfnException.Kind.INVALID_INPUT.name(), unreadable);
    }

    private static Response problem(int status, String kind, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("kind", kind, "message", message)).build();
    }
}
