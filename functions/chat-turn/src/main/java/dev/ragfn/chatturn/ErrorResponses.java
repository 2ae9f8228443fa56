package dev.ragfn.chatturn;

import dev.ragfn.core.error.RagfnException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** The HTTP status of each error kind, with the message that says what to do. */
public class ErrorResponses {

    @ServerExceptionMapper
    public Response map(RagfnException e) {
        int status = switch (e.kind()) {
            case INVALID_INPUT -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("kind", e.kind().name(), "message", e.getMessage())).build();
    }
}
