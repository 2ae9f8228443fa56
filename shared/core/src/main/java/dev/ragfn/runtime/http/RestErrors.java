package dev.ragfn.runtime.http;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.ragfn.core.error.ErrorBody;
import dev.ragfn.core.error.RagfnException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The {@link ErrorBody} answers of REST resources (the API, chat-turn's endpoints), with the statuses
 * and words of {@link HttpErrors}: Quarkus REST answers a body it cannot read with a bare 400 otherwise.
 * Found in the index of any function that has Quarkus REST; ignored where it has not.
 */
public class RestErrors {

    @ServerExceptionMapper
    public Response map(RagfnException e) {
        return answer(ErrorBody.status(e.kind()), ErrorBody.of(e));
    }

    /** A body of another shape ([], a string): Jackson's error, said as Funqy's routes say it. */
    @ServerExceptionMapper
    public Response map(MismatchedInputException e) {
        return answer(400, invalid(HttpErrors.unreadableBody(e)));
    }

    /** A body that is not JSON arrives wrapped in a bare 400; other refusals keep their own answer. */
    @ServerExceptionMapper
    public Response map(WebApplicationException e) {
        String unreadable = HttpErrors.unreadableBody(e.getCause());
        return unreadable == null ? e.getResponse() : answer(400, invalid(unreadable));
    }

    private static ErrorBody invalid(String message) {
        return ErrorBody.of(RagfnException.Kind.INVALID_INPUT, message);
    }

    private static Response answer(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
