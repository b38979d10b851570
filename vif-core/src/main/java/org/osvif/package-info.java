/**
 * The facade: {@link org.osvif.OsVif} loads the plugins and plugs, unplugs and describes VIFs.
 */
package org.osvif;
