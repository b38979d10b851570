/**
 * JMH benchmarks of the object codec and of {@code OsVif.initialize}, and the plug latency
 * harnesses run against a real Open vSwitch.
 */
package org.osvif.benchmarks;
