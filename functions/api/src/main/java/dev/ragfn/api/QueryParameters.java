package dev.ragfn.api;

import dev.ragfn.core.error.InvalidInputException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a query parameter an API route does not take, naming the ones it does: a caller who pages
 * with {@code page=2} or {@code offset=} instead of {@code after=}, or filters with {@code state=}
 * instead of {@code status=}, would otherwise get the first page or everything, and take it for the
 * answer. A page's {@code limit} or {@code after} given empty is refused too ({@link PageRequest#refuseEmpty}):
 * Quarkus REST would hand it to the route as absent. Only this module's routes: the bundle serves others
 * beside them.
 */
public class QueryParameters {

    private final Map<Method, Set<String>> taken = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !method.getDeclaringClass().getPackageName().equals(QueryParameters.class.getPackageName())) {
            return;
        }
        Set<String> known = taken.computeIfAbsent(method, QueryParameters::queryParameters);
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name)) {
                throw new InvalidInputException("unknown query parameter '" + shown(name) + "': this route takes "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
            PageRequest.refuseEmpty(name, parameter.getValue());
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return names;
    }

    private static String shown(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
