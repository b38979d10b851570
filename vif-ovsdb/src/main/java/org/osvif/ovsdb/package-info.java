/**
 * The OVSDB client: connect with {@link org.osvif.ovsdb.OvsdbClient#connect(OvsdbClientOptions)}, run
 * {@link org.osvif.ovsdb.Operation}s in one {@code transact}, keep a {@link org.osvif.ovsdb.Replica} of a few
 * tables. Values of columns are {@link java.lang.String}, {@link java.lang.Long}, {@link java.lang.Double},
 * {@link java.lang.Boolean}, {@link org.osvif.ovsdb.Uuid}, {@link org.osvif.ovsdb.NamedUuid},
 * {@link org.osvif.ovsdb.OvsdbSet} and {@link org.osvif.ovsdb.OvsdbMap}. Every error is an unchecked
 * {@link org.osvif.ovsdb.OvsdbException}.
 */
package org.osvif.ovsdb;
