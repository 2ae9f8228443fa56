package dev.ragfn.samcheck;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

/**
 * Runs in a child JVM whose class path is an unpacked function.zip, and calls the handler named by the
 * first argument ({@code Class::handleRequest}) as the java21 managed runtime does: the event on stdin,
 * the answer on stdout after a marker line.
 * Reflection only, so this module needs no Lambda or Quarkus jars of its own.
 */
public final class LambdaInvoker {

    static final String ANSWER = "--- answer ---";
    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";

    private LambdaInvoker() {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = System.in.readAllBytes();
        Class<?> contextType = Class.forName(CONTEXT);
        Object context = Proxy.newProxyInstance(contextType.getClassLoader(), new Class<?>[] {contextType},
                (proxy, method, a) -> switch (method.getName()) {
                    case "getAwsRequestId" -> "sam-check-1";
                    case "getFunctionName" -> "sam-check";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:123456789012:function:sam-check:live";
                    case "getRemainingTimeInMillis" -> 60_000;
                    case "getMemoryLimitInMB" -> 1024;
                    default -> null;
                });
        Class<?> handlerType = Class.forName(args[0].substring(0, args[0].indexOf("::")));
        Object handler = handlerType.getConstructor().newInstance();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        handlerType.getMethod("handleRequest", InputStream.class, OutputStream.class, contextType)
                .invoke(handler, new java.io.ByteArrayInputStream(event), answer, context);
        System.out.println(ANSWER);
        System.out.println(answer.toString(StandardCharsets.UTF_8));
        System.exit(0);
    }
}
