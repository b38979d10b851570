/**
 * The OVSDB API the plugin speaks: commands grouped in transactions, and queries. A driver (ovs-vsctl now,
 * a native OVSDB JSON-RPC client later) carries them out. Not exported.
 */
package org.osvif.plug.ovs.internal.ovsdb;
