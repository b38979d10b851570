/**
 * Implementation details; not exported.
 */
package org.osvif.internal;
