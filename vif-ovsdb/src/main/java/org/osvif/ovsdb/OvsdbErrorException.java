package org.osvif.ovsdb;

import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error reply, or a transaction whose reply holds an RFC 7047 error object (at the failed
 * operation's position, or after the last operation when the commit itself failed).
 */
public class OvsdbErrorException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    private final transient JsonNode errorObject;
    /** The failed operation's index, or -1. */
    private final int operationIndex;
    private final transient Operation operation;

    /**
     * @param message what failed, naming the method (and the operation)
     * @param errorObject the error object, e.g. {@code {"error":"constraint violation","details":"..."}}
     * @param operationIndex the failed operation's index, or -1 when not known or not an operation's fault
     * @param operation the failed operation, or null
     */
    public OvsdbErrorException(String message, JsonNode errorObject, int operationIndex, Operation operation) {
        super(message);
        this.errorObject = errorObject;
        this.operationIndex = operationIndex;
        this.operation = operation;
    }

    /** @return RFC 7047's {@code error}, e.g. {@code "constraint violation"}, {@code "timed out"} */
    public String error() {
        if (errorObject == null) {
            return "";
        }
        JsonNode error = errorObject.isObject() ? errorObject.get("error") : errorObject;
        return error == null ? "" : error.isTextual() ? error.textValue() : error.toString();
    }

    /** @return the {@code details}, which often name the row */
    public Optional<String> details() {
        JsonNode details = errorObject == null ? null : errorObject.get("details");
        return details == null || details.isNull() ? Optional.empty() : Optional.of(details.asText());
    }

    /** @return the failed operation's index in the transaction, when known */
    public OptionalInt operationIndex() {
        return operationIndex < 0 ? OptionalInt.empty() : OptionalInt.of(operationIndex);
    }

    /** @return the failed operation, when known */
    public Optional<Operation> operation() {
        return Optional.ofNullable(operation);
    }

    /** @return the error object as the server sent it */
    public JsonNode errorObject() {
        return errorObject;
    }
}
