package org.osvif.plug.linuxbridge.netns;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a functional test that runs in a {@link NamespaceSandbox}: tags it
 * {@code functional} and checks its prerequisites with {@link NetnsCondition}
 * (root, {@code ip netns}, {@code iptables-save}/{@code iptables-restore},
 * {@code sysctl}). Without them the test is disabled, except under
 * {@code CI=true}, where it fails.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("functional")
@ExtendWith(NetnsCondition.class)
public @interface RequiresNetns {
}
