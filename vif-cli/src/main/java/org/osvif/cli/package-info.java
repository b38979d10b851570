/** vifctl, the command line over os-vif for Java: its picocli commands, error handling and exit codes. */
package org.osvif.cli;
