/**
 * A Neutron port binding turned into the os-vif VIF Nova would plug for it, with the Networking API
 * objects it reads and the live-migration {@code os_vif_delegation} marker.
 */
package org.osvif.neutron;
