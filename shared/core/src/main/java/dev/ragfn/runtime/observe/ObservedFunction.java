package dev.ragfn.runtime.observe;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a function class: each of its {@code @Funq} methods is measured per invocation
 * ({@link FunctionInvocations}), however it is called (HTTP, a CloudEvent, the bundle's broker).
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ObservedFunction {
}
