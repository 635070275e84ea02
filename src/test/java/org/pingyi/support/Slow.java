package org.pingyi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the slow tier: it drives a browser, starts, kills or restarts a database or a JVM, waits out real time
 * limits, or pushes volume (100,000 slips, thousands of hostile requests or connections). {@code mvn test} leaves
 * these out; {@code mvn verify} (CI, the README's test command) runs them after the fast tier.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
