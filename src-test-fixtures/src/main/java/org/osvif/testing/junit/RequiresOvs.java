package org.osvif.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a functional test that needs a real Open vSwitch: tags it {@code functional} and registers
 * {@link PrivateOvsExtension}, which injects a {@link org.osvif.testing.ovs.PrivateOvs} (one per test class)
 * and disables the test, with a message saying what to install, when the host lacks root or Open vSwitch;
 * under {@code CI=true} it fails instead.
 *
 * <pre>{@code
 * @RequiresOvs
 * class OvsPluginFunctionalTest {
 *     @Test void plugCreatesPort(PrivateOvs ovs) {
 *         String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-t"));
 *         ...
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("functional")
@ExtendWith(PrivateOvsExtension.class)
public @interface RequiresOvs {
}
