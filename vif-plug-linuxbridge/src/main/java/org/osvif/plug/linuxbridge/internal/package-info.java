/**
 * The plugin's implementation: bridges, VLAN interfaces, the iptables manager. Not exported.
 */
package org.osvif.plug.linuxbridge.internal;
