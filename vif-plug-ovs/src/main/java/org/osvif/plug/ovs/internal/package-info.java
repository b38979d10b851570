/**
 * The plugin's implementation: plug paths, the OVSDB API and its ovs-vsctl driver, host networking. Not exported.
 */
package org.osvif.plug.ovs.internal;
