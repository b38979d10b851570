/**
 * A private Open vSwitch for functional tests, demos and benchmarks:
 * {@link org.osvif.testing.ovs.PrivateOvs} runs its own {@code ovsdb-server}
 * and {@code ovs-vswitchd} in a temporary directory and a network namespace,
 * gives a {@link org.osvif.exec.CommandRunner} that runs inside it, reads its
 * tables and watches them with {@code ovsdb-client monitor}. No JUnit here:
 * {@code vifctl demo} uses it at run time.
 */
package org.osvif.testing.ovs;
