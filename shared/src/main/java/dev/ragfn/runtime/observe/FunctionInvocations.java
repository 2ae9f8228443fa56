package dev.ragfn.runtime.observe;

import dev.ragfn.core.error.RagfnException;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.Locale;

/**
 * Times every {@code @Funq} method of an {@link ObservedFunction} class, tagged by function and
 * outcome: {@code success}, the {@link RagfnException.Kind} of a failure, or {@code error}.
 */
@ObservedFunction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class FunctionInvocations {

    @AroundInvoke
    Object invoke(InvocationContext context) throws Exception {
        Funq funq = context.getMethod().getAnnotation(Funq.class);
        if (funq == null) {
            return context.proceed();
        }
        String function = funq.value().isEmpty() ? context.getMethod().getName() : funq.value();
        long start = System.nanoTime();
        Object result;
        try {
            result = context.proceed();
        } catch (Exception | Error e) {
            RagfnMeters.functionInvoked(function, outcome(e), System.nanoTime() - start);
            throw e;
        }
        if (result instanceof Uni<?> uni) {
            // An asynchronous function has finished when its Uni has, not when it returns it.
            return uni.onItemOrFailure().invoke((item, failure) ->
                    RagfnMeters.functionInvoked(function, outcome(failure), System.nanoTime() - start));
        }
        RagfnMeters.functionInvoked(function, "success", System.nanoTime() - start);
        return result;
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        return failure instanceof RagfnException e ? e.kind().name().toLowerCase(Locale.ROOT) : "error";
    }
}
