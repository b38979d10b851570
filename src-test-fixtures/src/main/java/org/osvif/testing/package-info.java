/**
 * Fixtures for tests: {@link org.osvif.testing.RecordingCommandRunner} (records
 * and scripts commands, fails fast on anything unscripted),
 * {@link org.osvif.testing.DryRunCommandRunner} (prints instead of running) and
 * {@link org.osvif.testing.RecordingCommandRunnerExtension} (JUnit 5).
 */
package org.osvif.testing;
