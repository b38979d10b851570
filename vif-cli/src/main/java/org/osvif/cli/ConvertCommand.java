package org.osvif.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.base.CanonicalJson;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.base.PrimitiveCodec;
import org.osvif.objects.base.VersionManifest;
import org.osvif.objects.base.VersionedObject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vifctl convert}: reads one o.vo primitive, validates it by reading it
 * into an os-vif object, and writes it back as canonical JSON, at an earlier
 * version when asked (o.vo's {@code obj_to_primitive(target_version,
 * version_manifest)}).
 */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Check an os-vif object primitive and write it as canonical JSON, optionally for an older version.",
            "",
            "Reads one primitive (oslo.versionedobjects JSON) from FILE, or from standard input when FILE is "
                    + "'-' or absent, reads it into an os-vif object (checking every field), and writes it to "
                    + "standard output as canonical JSON: sorted keys, two-space indent, a newline at the end. "
                    + "With --target-version or --manifest it is backported as oslo.versionedobjects would "
                    + "for a peer that knows only those versions."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a vifctl bug)",
            "2:usage error: unknown option, malformed version or manifest, missing or unreadable FILE, "
                    + "extra arguments",
            "3:invalid input object: not JSON, not a primitive, a refused field value, an unknown object or "
                    + "version, or a backport that cannot be made"})
public final class ConvertCommand implements Callable<Integer> {
    private final CliStreams streams;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--target-version", paramLabel = "V", converter = ObjectVersionConverter.class,
            description = "Write the top-level object at version V (MAJOR.MINOR, not newer than the input's). "
                    + "Child objects follow the object's rules, or the manifest when one is given.")
    private ObjectVersion targetVersion;

    @Option(names = "--manifest", paramLabel = "NAME=VER[,NAME=VER...]", converter = VersionManifestConverter.class,
            description = "The versions the peer knows, by object name (o.vo's version manifest), e.g. "
                    + "VIFPortProfileOpenVSwitch=1.3,Network=1.1. Child objects are written at these versions.")
    private VersionManifest manifest;

    @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = InputSource.STDIN,
            description = "The primitive to read; '-' (the default) reads standard input.")
    private String file;

    /**
     * @param streams the streams of this run
     */
    public ConvertCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        String text;
        try {
            text = InputSource.read(file, streams.in());
        } catch (InputSource.UnreadableInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e, null, file);
        }
        streams.out().print(convert(text, targetVersion, manifest));
        streams.out().flush();
        if (streams.out().checkError()) {
            streams.err().println("vifctl: cannot write to standard output");
            return ExitCodes.INTERNAL_ERROR;
        }
        return ExitCodes.OK;
    }

    /**
     * The conversion itself, free of the command line.
     *
     * @param json the primitive as JSON text
     * @param target the version of the top-level object, or null for the version it has
     * @param manifest the peer's versions of child objects, or null
     * @return the canonical JSON text of the primitive, ending with a newline
     * @throws org.osvif.objects.base.ObjectException when the primitive cannot be read or backported
     */
    static String convert(String json, ObjectVersion target, VersionManifest manifest) {
        PrimitiveCodec codec = OsVifObjects.codec();
        VersionedObject obj = codec.fromPrimitive(StrictJson.parse(json));
        ObjectNode primitive;
        if (manifest != null) {
            primitive = codec.toPrimitive(obj, target, manifest);
        } else if (target != null) {
            primitive = codec.toPrimitive(obj, target);
        } else {
            primitive = codec.toPrimitive(obj);
        }
        return CanonicalJson.write(primitive);
    }
}
