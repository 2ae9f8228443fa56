package dev.ragfn.bundle;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web console's files are served from the console jar at /console/; a browser pointed at the
 * bundle's root or at /console lands there. Only GET: POST / stays refused as the broker's rules say.
 */
@ApplicationScoped
public class ConsoleRoutes {

    static final String CONSOLE = "/console/";
    /** Ahead of BrokerOnlyRoutes, which refuses every method on /. */
    private static final int BEFORE_BROKER_ONLY_ROUTES = -101;

    void install(@Observes Router router) {
        router.get("/").order(BEFORE_BROKER_ONLY_ROUTES).handler(ConsoleRoutes::toConsole);
        router.get("/console").order(BEFORE_BROKER_ONLY_ROUTES).handler(ConsoleRoutes::toConsole);
    }

    /** Vert.x matches /console/ to the route /console too; that one is the console's own page. */
    private static void toConsole(RoutingContext context) {
        if (context.request().path().endsWith(CONSOLE)) {
            context.next();
        } else {
            context.redirect(CONSOLE);
        }
    }
}
