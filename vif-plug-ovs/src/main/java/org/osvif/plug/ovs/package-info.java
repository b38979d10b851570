/**
 * The Open vSwitch plugin: its provider, options and exceptions.
 */
package org.osvif.plug.ovs;
