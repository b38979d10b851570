package org.osvif.ovsdb;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One operation of a transaction (RFC 7047 5.2); immutable. Build them with the static factories.
 */
public sealed interface Operation permits TableOperation {
    /** @return the RFC 7047 name, e.g. {@code insert} */
    String op();

    /** @return the RFC 7047 object (a fresh copy) */
    ObjectNode toJson();

    /**
     * @param table the table
     * @param row the columns to set (others get their defaults)
     * @param uuidName the name later operations use as {@link NamedUuid}, or null
     * @return the insert operation
     */
    static Operation insert(String table, Map<String, Object> row, String uuidName) {
        return TableOperation.insert(table, row, uuidName);
    }

    /**
     * @param table the table
     * @param where the conditions (all must hold)
     * @param columns the columns to return, or null for all
     * @return the select operation
     */
    static Operation select(String table, List<Condition> where, List<String> columns) {
        return TableOperation.select(table, where, columns);
    }

    /**
     * @param table the table
     * @param where the rows to update
     * @param row the new values
     * @return the update operation
     */
    static Operation update(String table, List<Condition> where, Map<String, Object> row) {
        return TableOperation.update(table, where, row);
    }

    /**
     * @param table the table
     * @param where the rows to mutate
     * @param mutations the mutations
     * @return the mutate operation
     */
    static Operation mutate(String table, List<Condition> where, List<Mutation> mutations) {
        return TableOperation.mutate(table, where, mutations);
    }

    /**
     * @param table the table
     * @param where the rows to delete
     * @return the delete operation
     */
    static Operation delete(String table, List<Condition> where) {
        return TableOperation.delete(table, where);
    }

    /**
     * @param table the table
     * @param where the rows compared
     * @param columns the columns compared
     * @param until {@code ==} or {@code !=}
     * @param rows the expected rows (only the compared columns)
     * @param timeoutMillis how long the server may wait, or null for ever (0: fail at once)
     * @return the wait operation
     */
    static Operation wait(String table, List<Condition> where, List<String> columns, String until,
            List<Map<String, Object>> rows, Long timeoutMillis) {
        return TableOperation.waitFor(table, where, columns, until, rows, timeoutMillis);
    }

    /**
     * @param durable whether the server must write the transaction to disk before replying
     * @return the commit operation
     */
    static Operation commit(boolean durable) {
        return TableOperation.commit(durable);
    }

    /** @return the abort operation (the transaction fails with "aborted") */
    static Operation abort() {
        return TableOperation.simple("abort");
    }

    /**
     * @param text a comment the server writes to its log
     * @return the comment operation
     */
    static Operation comment(String text) {
        return TableOperation.comment(text);
    }

    /**
     * @param lock the name of a lock this session must hold
     * @return the assert operation
     */
    static Operation assertLock(String lock) {
        return TableOperation.assertLock(lock);
    }
}
