/**
 * JUnit 5 support for functional tests against a private Open vSwitch:
 * {@link org.osvif.testing.junit.RequiresOvs} and
 * {@link org.osvif.testing.junit.PrivateOvsExtension}. These classes need
 * JUnit (an optional dependency of this module), so only tests may load them.
 */
package org.osvif.testing.junit;
