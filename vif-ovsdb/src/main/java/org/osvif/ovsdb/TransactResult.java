package org.osvif.ovsdb;

import java.util.List;

/**
 * The results of a successful transaction, one per operation, in order.
 *
 * @param results the results
 */
public record TransactResult(List<OperationResult> results) {
    /**
     * Copies the list.
     *
     * @param results see the record component
     */
    public TransactResult {
        results = List.copyOf(results);
    }

    /**
     * @param index the operation's index in the transaction
     * @return its result
     */
    public OperationResult get(int index) {
        return results.get(index);
    }
}
