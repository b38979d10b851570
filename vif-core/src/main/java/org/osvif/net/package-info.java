/**
 * Host networking helpers for plugins: the {@code ip} command and named locks.
 */
package org.osvif.net;
