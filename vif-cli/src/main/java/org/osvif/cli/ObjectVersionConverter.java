package org.osvif.cli;

import org.osvif.objects.base.ObjectVersion;
import picocli.CommandLine;

/** Parses an option value such as {@code 1.3} into an {@link ObjectVersion}; anything else is a usage error. */
final class ObjectVersionConverter implements CommandLine.ITypeConverter<ObjectVersion> {

    @Override
    public ObjectVersion convert(String value) {
        try {
            return ObjectVersion.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
