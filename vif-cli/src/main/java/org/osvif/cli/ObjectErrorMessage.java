package org.osvif.cli;

import org.osvif.objects.base.BackportException;
import org.osvif.objects.base.InvalidFieldValueException;
import org.osvif.objects.base.InvalidPrimitiveException;
import org.osvif.objects.base.ObjectException;

/**
 * The one-line text vifctl prints (after {@code vifctl: }) for an error of the
 * object layer. The library's messages already name the object, the field or
 * path, and the value; this adds what kind of failure it is and, for a backport
 * that needs a version manifest, which option gives one.
 */
final class ObjectErrorMessage {
    private ObjectErrorMessage() {
    }

    /**
     * @param e the error
     * @return its message for the user, on one line, without the {@code vifctl: } prefix
     */
    static String of(ObjectException e) {
        String message = OneLine.of(e.getMessage());
        if (e instanceof InvalidFieldValueException f) {
            return f.path() != null ? "invalid primitive " + message : "invalid primitive: " + message;
        }
        if (e instanceof InvalidPrimitiveException) {
            return message; // already "invalid primitive at PATH: ..."
        }
        if (e instanceof BackportException b) {
            String hint = b.kind() == BackportException.Kind.NO_RULE
                    ? "; pass it with --manifest NAME=VERSION[,NAME=VERSION...]" : "";
            return "cannot backport: " + message + hint;
        }
        return message;
    }
}
