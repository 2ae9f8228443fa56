package dev.ragfn.chatturn;

import dev.ragfn.core.error.RagfnException;
import dev.ragfn.runtime.http.HttpErrors;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** The HTTP status of each error kind, with the message that says what to do. */
public class ErrorResponses {

    @ServerExceptionMapper
    public Response map(RagfnException e) {
        int status = HttpErrors.status(e.kind());
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("kind", e.kind().name(), "message", e.getMessage())).build();
    }
}
