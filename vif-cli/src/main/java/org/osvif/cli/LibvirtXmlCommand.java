package org.osvif.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osvif.neutron.libvirt.InterfaceOptions;
import org.osvif.neutron.libvirt.LibvirtInterface;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifBase;
import org.osvif.objects.base.UnsupportedObjectException;
import org.osvif.objects.base.VersionedObject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vifctl libvirt-xml}: the libvirt {@code <interface>} Nova's libvirt driver writes for a VIF. */
@Command(name = "libvirt-xml", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Print the libvirt <interface> element Nova's libvirt driver writes for a VIF.",
            "",
            "Reads a VIF primitive (e.g. from 'vifctl from-binding') and prints the element for a domain's "
                    + "<devices>."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a vifctl bug)",
            "2:usage error: unknown option, malformed value, missing or unreadable file",
            "3:invalid input: not a VIF primitive, a VIF class or profile libvirt is not given, a model the "
                    + "hypervisor lacks, a device name the kernel would refuse"})
public final class LibvirtXmlCommand implements Callable<Integer> {
    private final CliStreams streams;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VIF.json", defaultValue = InputSource.STDIN,
            description = "The VIF primitive ('-', the default, reads standard input).")
    private String vifFile;

    @Option(names = "--virt-type", paramLabel = "TYPE", defaultValue = "kvm",
            description = "[libvirt] virt_type: kvm, qemu, lxc or parallels (default: ${DEFAULT-VALUE}).")
    private String virtType;

    @Option(names = "--model", paramLabel = "MODEL", description = "The image's hw_vif_model (default: virtio).")
    private String model;

    @Option(names = "--vnic-type", paramLabel = "TYPE",
            description = "The port's binding:vnic_type (default: direct for a VIFHostDevice, else normal).")
    private String vnicType;

    @Option(names = "--no-virtio-for-bridges", description = "[libvirt] use_virtio_for_bridges = false.")
    private boolean noVirtio;

    @Option(names = "--multiqueue", description = "The flavor or image enables multiqueue.")
    private boolean multiqueue;

    @Option(names = "--vcpus", paramLabel = "N", defaultValue = "1", description = "The flavor's vCPUs.")
    private int vcpus;

    @Option(names = "--max-queues", paramLabel = "N", description = "[libvirt] max_queues (default: no limit).")
    private Integer maxQueues;

    @Option(names = "--rx-queue-size", paramLabel = "N", description = "[libvirt] rx_queue_size.")
    private Integer rxQueueSize;

    @Option(names = "--tx-queue-size", paramLabel = "N", description = "[libvirt] tx_queue_size.")
    private Integer txQueueSize;

    @Option(names = "--extra-spec", paramLabel = "KEY=VALUE",
            description = "A flavor extra spec; quota:vif_* bandwidth limits are used, others ignored. Repeatable.")
    private Map<String, String> extraSpecs = new LinkedHashMap<>();

    @Option(names = "--vdpa-path", paramLabel = "PATH", description = "The vDPA device path of a vdpa VIF.")
    private String vdpaPath;

    /**
     * @param streams the streams of this run
     */
    public LibvirtXmlCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        VersionedObject obj = OsVifObjects.codec().fromPrimitive(JsonInput.read(spec, streams, vifFile));
        if (!(obj instanceof VifBase vif)) {
            throw new UnsupportedObjectException("$", obj.objectName(),
                    "VIF must be a VIF (a VIFBase subclass), not a " + obj.objectName());
        }
        InterfaceOptions.Builder b = InterfaceOptions.builder().virtType(virtType).model(model).vnicType(vnicType)
                .useVirtioForBridges(!noVirtio).multiqueue(multiqueue, vcpus, maxQueues)
                .queueSizes(rxQueueSize, txQueueSize).vdpaDevicePath(vdpaPath);
        extraSpecs.forEach(b::extraSpec);
        streams.out().print(LibvirtInterface.toXml(vif, b.build()));
        streams.out().flush();
        return ExitCodes.OK;
    }
}
