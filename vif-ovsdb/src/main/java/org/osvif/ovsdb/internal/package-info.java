/** The transport of the OVSDB client: sockets, TLS from PEM files, framing. Not exported. */
package org.osvif.ovsdb.internal;
