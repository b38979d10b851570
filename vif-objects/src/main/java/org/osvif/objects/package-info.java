/**
 * The os-vif objects at upstream 5.1's versions (VIFs, port profiles, networks, subnets, host
 * information) and {@link org.osvif.objects.OsVifObjects}, the list of them with a codec.
 */
package org.osvif.objects;
