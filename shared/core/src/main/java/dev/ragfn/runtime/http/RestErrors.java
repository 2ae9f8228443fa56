package dev.ragfn.runtime.http;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.ragfn.core.error.BusyException;
import dev.ragfn.core.error.ErrorBody;
import dev.ragfn.core.error.RagfnException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;

/**
 * The {@link ErrorBody} answers of REST resources (the API, chat-turn's endpoints), with the statuses
 * and words of {@link HttpErrors}: Quarkus REST answers a body it cannot read with a bare 400 otherwise.
 * Found in the index of any function that has Quarkus REST; ignored where it has not.
 */
public class RestErrors {

    @ServerExceptionMapper
    public Response map(RagfnException e) {
        Response.ResponseBuilder answer = Response.status(ErrorBody.status(e.kind()))
                .type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(e));
        if (e instanceof BusyException busy) {
            answer.header("Retry-After", busy.retryAfterSeconds());
        }
        return answer.build();
    }

    /** A body of another shape ([], a string): Jackson's error, said as Funqy's routes say it. */
    @ServerExceptionMapper
    public Response map(MismatchedInputException e) {
        return answer(400, invalid(HttpErrors.unreadableBody(e)));
    }

    /**
     * A body that is not JSON arrives wrapped in a bare 400; Quarkus REST's own refusals (a content type or
     * method a route does not take) are bare too, so they get the JSON problem every other refusal has.
     */
    @ServerExceptionMapper
    public Response map(WebApplicationException e, HttpHeaders headers) {
        String unreadable = HttpErrors.unreadableBody(e.getCause());
        if (unreadable != null) {
            return answer(400, invalid(unreadable));
        }
        Response response = e.getResponse();
        int status = response.getStatus();
        if (response.hasEntity() || status < 400 || status >= 500) {
            return response;
        }
        // Its own headers stay (such as WWW-Authenticate); the body says what was refused.
        return Response.fromResponse(response).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(kind(status), refusal(status, headers))).build();
    }

    /** The kind answered with this status, so the body and the status agree; any other 4xx is bad input. */
    private static RagfnException.Kind kind(int status) {
        return Arrays.stream(RagfnException.Kind.values()).filter(kind -> ErrorBody.status(kind) == status)
                .findFirst().orElse(RagfnException.Kind.INVALID_INPUT);
    }

    private static String refusal(int status, HttpHeaders headers) {
        return switch (status) {
            case 405 -> "this route does not take that HTTP method";
            case 406 -> "this route cannot answer in the accepted type " + headers.getHeaderString(HttpHeaders.ACCEPT);
            case 415 -> "this route does not take a body of type " + headers.getMediaType()
                    + " (the OpenAPI document at /q/openapi says what each takes)";
            case 401 -> "this request needs a valid bearer token";
            case 403 -> "the caller may not do this";
            case 404 -> "nothing here at this path";
            default -> "the request was refused with status " + status;
        };
    }

    private static ErrorBody invalid(String message) {
        return ErrorBody.of(RagfnException.Kind.INVALID_INPUT, message);
    }

    private static Response answer(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
