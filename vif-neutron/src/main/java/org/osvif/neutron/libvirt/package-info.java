/**
 * The libvirt {@code <interface>} element Nova's libvirt driver writes for an os-vif VIF: its
 * settings, the options they come from and the XML writer.
 */
package org.osvif.neutron.libvirt;
