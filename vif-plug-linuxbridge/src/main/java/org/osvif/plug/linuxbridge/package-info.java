/**
 * The Linux bridge plugin: its provider and options.
 */
package org.osvif.plug.linuxbridge;
