package dev.ragfn.bundle.broker;

import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.runtime.http.HttpErrors;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * In the bundle only the broker's ingress takes events. The function jars bring Funqy's own event
 * routes along ({@code POST /} for any CloudEvent, {@code /<function>} for each function): there
 * they would run one function without the rest of the chain, leaving a document chunked but never
 * embedded. Those routes are refused, ahead of Funqy's; the functions users call over HTTP (chat,
 * retrieve, shield, convert, summarize) stay served, since their answers go back to the caller.
 */
@ApplicationScoped
public class BrokerOnlyRoutes {

    /** Funqy's event ingress, and the functions whose only callers are events. */
    static final List<String> REFUSED = List.of("/", "/ingest", "/embed", "/onSchedule");
    /** Ahead of the routes Funqy and Quarkus REST add without an order of their own. */
    private static final int BEFORE_FUNQY = -100;

    void install(@Observes Router router) {
        for (String path : REFUSED) {
            router.route(path).order(BEFORE_FUNQY).handler(BrokerOnlyRoutes::refuse);
        }
    }

    private static void refuse(RoutingContext context) {
        String path = context.request().path();
        String message = "the bundle takes events only at POST /events, its local broker's ingress, which runs the "
                + "whole chain as triggers.yaml declares; " + (path.equals("/") ? "Funqy's event route" : path)
                + " would run one function alone";
        HttpErrors.answer(context, new NotFoundException(message));
    }
}
