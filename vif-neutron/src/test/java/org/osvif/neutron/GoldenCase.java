package org.osvif.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osvif.neutron.libvirt.InterfaceOptions;

/**
 * One case of tools/nova/generate_golden.py: its inputs and what Nova made of them.
 *
 * @param name the case
 * @param entry its index entry
 * @param input its input file (port, network, subnets, instance, settings, libvirt)
 */
public record GoldenCase(String name, JsonNode entry, JsonNode input) {
    /** Where the goldens are, relative to the module. */
    public static final Path DIR = Path.of("src", "test", "resources", "nova", "golden");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @return every case of index.json */
    public static List<GoldenCase> all() {
        List<GoldenCase> out = new ArrayList<>();
        for (JsonNode e : read("index.json")) {
            String name = e.get("case").textValue();
            out.add(new GoldenCase(name, e, read(name + ".input.json")));
        }
        return out;
    }

    static JsonNode read(String file) {
        try {
            return MAPPER.readTree(DIR.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String file) {
        try {
            return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file named by an index field, or null */
    public String file(String field) {
        JsonNode v = entry.get(field);
        return v == null || v.isNull() ? null : v.textValue();
    }

    /** @return the port */
    public NeutronPort port() {
        return NeutronPort.fromJson(input.get("port"));
    }

    /** @return the network */
    public NeutronNetwork network() {
        return NeutronNetwork.fromJson(input.get("network"));
    }

    /** @return the subnets (empty without a subnets file) */
    public List<NeutronSubnet> subnets() {
        return input.has("subnets") ? NeutronSubnet.listFromJson(input.get("subnets")) : List.of();
    }

    /** @return the agent settings of the case */
    public AgentSettings settings() {
        JsonNode s = input.get("settings");
        return AgentSettings.DEFAULT.withIntegrationBridge(s.get("integration_bridge").textValue())
                .withPreserveOnDelete(s.get("preserve_on_delete").booleanValue())
                .withMigrationDestination(s.get("migration_destination").booleanValue())
                .withMultiqueue(s.get("multiqueue").booleanValue());
    }

    /** @return the libvirt options of the case, with the port's vnic_type */
    public InterfaceOptions libvirtOptions() {
        JsonNode l = input.get("libvirt");
        InterfaceOptions.Builder b = InterfaceOptions.builder()
                .virtType(l.get("virt_type").textValue())
                .useVirtioForBridges(l.get("use_virtio_for_bridges").booleanValue())
                .model(l.get("model").isNull() ? null : l.get("model").textValue())
                .vnicType(port().vnicType())
                .multiqueue(l.get("multiqueue").booleanValue(), l.get("vcpus").intValue(),
                        l.get("max_queues").isNull() ? null : l.get("max_queues").intValue())
                .queueSizes(l.get("rx_queue_size").isNull() ? null : l.get("rx_queue_size").intValue(),
                        l.get("tx_queue_size").isNull() ? null : l.get("tx_queue_size").intValue())
                .vdpaDevicePath(l.get("vdpa_path").isNull() ? null : l.get("vdpa_path").textValue());
        l.get("extra_specs").fields().forEachRemaining(e -> b.extraSpec(e.getKey(), e.getValue().textValue()));
        return b.build();
    }

    @Override
    public String toString() {
        return name;
    }
}
