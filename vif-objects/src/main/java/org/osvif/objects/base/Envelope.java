package org.osvif.objects.base;

/** The keys of o.vo's primitive envelope, in one place. */
final class Envelope {
    static final String NAME = "versioned_object.name";
    static final String NAMESPACE = "versioned_object.namespace";
    static final String VERSION = "versioned_object.version";
    static final String DATA = "versioned_object.data";
    static final String CHANGES = "versioned_object.changes";

    private Envelope() {
    }
}
