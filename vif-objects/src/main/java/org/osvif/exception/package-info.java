/**
 * os-vif's exception hierarchy, rooted at the unchecked {@link org.osvif.exception.VifException},
 * with upstream's message texts.
 */
package org.osvif.exception;
