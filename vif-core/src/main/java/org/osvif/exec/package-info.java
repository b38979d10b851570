/**
 * The single seam to the operating system: commands run as argv lists, never through a shell.
 */
package org.osvif.exec;
