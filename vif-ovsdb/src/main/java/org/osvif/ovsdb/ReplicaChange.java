package org.osvif.ovsdb;

/**
 * One row changed by an update batch of a {@link Replica}.
 *
 * @param table the table
 * @param uuid the row
 * @param oldRow the row before, or null on insert
 * @param newRow the row after, or null on delete
 */
public record ReplicaChange(String table, Uuid uuid, Row oldRow, Row newRow) {
}
