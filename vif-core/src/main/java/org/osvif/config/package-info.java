/**
 * Typed configuration options, declared per plugin in groups named {@code os_vif_<plugin>} as in nova.conf, read from maps, properties and oslo.config INI files.
 */
package org.osvif.config;
