/**
 * The value types of object fields, parsed strictly and printed as os-vif puts them on the wire: IP
 * addresses and networks, MAC addresses, PCI addresses.
 */
package org.osvif.objects.types;
