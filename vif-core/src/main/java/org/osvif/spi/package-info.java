/**
 * The plugin SPI: what a VIF plugin implements and what it is given.
 */
package org.osvif.spi;
