package org.osvif.cli;

import java.util.Map;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.base.VersionManifest;
import picocli.CommandLine;

/**
 * Parses {@code NAME=VERSION[,NAME=VERSION...]} into a {@link VersionManifest}.
 * Every name must be an os-vif object, else a misspelt name would be ignored
 * silently; and every version one this library reads, else the child would be
 * stamped with a version its data does not have (o.vo stamps whatever the
 * manifest says).
 */
final class VersionManifestConverter implements CommandLine.ITypeConverter<VersionManifest> {

    @Override
    public VersionManifest convert(String value) {
        VersionManifest manifest;
        try {
            manifest = VersionManifest.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        for (Map.Entry<String, ObjectVersion> e : manifest.asMap().entrySet()) {
            ObjectType<?> type = OsVifObjects.registry().find(e.getKey()).orElseThrow(() ->
                    new CommandLine.TypeConversionException("'" + e.getKey() + "' is not an os-vif object name"));
            ObjectVersion known = type.version();
            if (!known.canRead(e.getValue())) {
                throw new CommandLine.TypeConversionException("'" + e.getKey() + "=" + e.getValue()
                        + "': this vifctl knows " + e.getKey() + " " + known.major() + ".0 to " + known);
            }
        }
        return manifest;
    }
}
