package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.plug.ovs.internal.OvsFixtures.BRIDGE;
import static org.osvif.plug.ovs.internal.OvsFixtures.MAC;
import static org.osvif.plug.ovs.internal.OvsFixtures.VIF_ID;
import static org.osvif.plug.ovs.internal.OvsFixtures.hybridVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.network;
import static org.osvif.plug.ovs.internal.OvsFixtures.ovsVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.plugin;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osvif.exception.VifException;
import org.osvif.objects.HostPluginInfo;
import org.osvif.objects.HostPortProfileInfo;
import org.osvif.objects.HostVifInfo;
import org.osvif.objects.Network;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifGeneric;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfile8021Qbh;
import org.osvif.objects.VifPortProfileFpOpenVSwitch;
import org.osvif.plug.ovs.MissingPortProfileException;
import org.osvif.plug.ovs.WrongPortProfileException;
import org.osvif.plug.ovs.internal.ovsdb.Transaction;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

@ExtendWith(RecordingCommandRunnerExtension.class)
@DisplayName("OvsPlugin")
class OvsPluginTest {
    /** The OVSDB seam: a new one for each test (JUnit makes a new outer instance for each nested test too). */
    private final RecordingOvsdb ovsdb = RecordingOvsdb.create();

    /** Neither a host command nor an OVSDB call, read or transaction. */
    private void assertNothingRan(RecordingCommandRunner runner) {
        assertThat(runner.commandCount()).isZero();
        assertThat(ovsdb.timeline()).isEmpty();
    }

    @Nested
    @DisplayName("describe()")
    class Describe {

        @Test
        @DisplayName("lists the four VIF classes up to their current versions with the profiles handled")
        void describe(RecordingCommandRunner runner) {
            HostPluginInfo info = plugin(runner, ovsdb).describe();
            assertThat(info.pluginName()).isEqualTo("ovs");
            assertThat(info.vifInfo()).extracting(HostVifInfo::vifObjectName)
                    .containsExactly("VIFBridge", "VIFOpenVSwitch", "VIFVHostUser", "VIFHostDevice");
            assertThat(info.vifInfo()).extracting(HostVifInfo::minVersion).containsOnly("1.0");
            assertThat(info.vifInfo()).extracting(HostVifInfo::maxVersion)
                    .containsExactly("1.0", "1.0", "1.1", "1.0");
            assertThat(profiles(info.getVif("VIFBridge"))).containsExactly("VIFPortProfileOpenVSwitch 1.0-1.4");
            assertThat(profiles(info.getVif("VIFOpenVSwitch"))).containsExactly("VIFPortProfileOpenVSwitch 1.0-1.4");
            assertThat(profiles(info.getVif("VIFVHostUser"))).containsExactly(
                    "VIFPortProfileOpenVSwitch 1.0-1.4", "VIFPortProfileOVSRepresentor 1.0-1.4");
            assertThat(profiles(info.getVif("VIFHostDevice"))).containsExactly(
                    "VIFPortProfileOpenVSwitch 1.0-1.4", "VIFPortProfileOVSRepresentor 1.0-1.4");
            assertNothingRan(runner);
        }

        private List<String> profiles(HostVifInfo vif) {
            return vif.supportedPortProfiles().stream()
                    .map((HostPortProfileInfo p) -> p.profileObjectName() + " " + p.minVersion() + "-" + p.maxVersion())
                    .toList();
        }
    }

    @Nested
    @DisplayName("port profile checks, before anything runs")
    class Profiles {

        @Test
        @DisplayName("a VIF without a port profile is upstream's MissingPortProfile")
        void missing(RecordingCommandRunner runner) {
            VifOpenVSwitch vif = ovsVif(profile().build()).unset(VifBase.PORT_PROFILE).build();
            for (Consumer<VifBase> call : calls(runner)) {
                assertThatThrownBy(() -> call.accept(vif)).isInstanceOf(MissingPortProfileException.class)
                        .hasMessage("A port profile is mandatory for the OpenVSwitch plugin");
            }
            assertNothingRan(runner);
        }

        @Test
        @DisplayName("a profile of another kind is upstream's WrongPortProfile, naming its wire class")
        void wrong(RecordingCommandRunner runner) {
            VifOpenVSwitch vif = VifOpenVSwitch.builder().id(VIF_ID).address(MAC).plugin("ovs")
                    .network(network(BRIDGE)).vifName("tap0").bridgeName(BRIDGE)
                    .portProfile(VifPortProfile8021Qbh.builder().profileId("p").build()).build();
            for (Consumer<VifBase> call : calls(runner)) {
                assertThatThrownBy(() -> call.accept(vif)).isInstanceOf(WrongPortProfileException.class)
                        .hasMessage("Port profile VIFPortProfile8021Qbh is not a subclass of VIFPortProfileOpenVSwitch");
            }
            assertNothingRan(runner);
        }

        @Test
        @DisplayName("a subclass of VIFPortProfileOpenVSwitch is accepted, as upstream's isinstance check")
        void subclass(RecordingCommandRunner runner) {
            VifPortProfileFpOpenVSwitch.Builder fp = VifPortProfileFpOpenVSwitch.builder();
            fp.interfaceId(VIF_ID).bridgeName("br-fp").hybridPlug(false);
            plugin(runner, ovsdb).plug(ovsVif(fp.build()).build(), instance());
            assertThat(ovsdb.timeline()).containsExactly(
                    OvsdbCommands.txn(OvsdbCommands.addBridge(BRIDGE, "system")));
            assertThat(runner.commandCount()).isZero();
        }

        private List<Consumer<VifBase>> calls(RecordingCommandRunner runner) {
            OvsPlugin plugin = plugin(runner, ovsdb);
            return List.of(v -> plugin.plug(v, instance()), v -> plugin.unplug(v, instance()));
        }
    }

    @Nested
    @DisplayName("names are checked before anything runs")
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {"tap with space", "tap0123456789abc", "tap:1", "tap%d", "tap/1", ""})
        @DisplayName("an invalid vif_name")
        void vifName(String name, RecordingCommandRunner runner) {
            VifOpenVSwitch vif = ovsVif(profile().createPort(true).build()).vifName(name).build();
            assertThatThrownBy(() -> plugin(runner, ovsdb).plug(vif, instance()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vif_name");
            assertThatThrownBy(() -> plugin(runner, ovsdb).unplug(vif, instance()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vif_name");
            assertThatThrownBy(() -> plugin(runner, ovsdb, OvsSettings.defaults().withPerPortBridge(true))
                    .plug(vif, instance())).isInstanceOf(IllegalArgumentException.class);
            assertNothingRan(runner);
        }

        @ParameterizedTest
        @ValueSource(strings = {"br int", "br-integration-1", "br:int", ".."})
        @DisplayName("an invalid Open vSwitch bridge")
        void bridge(String bridge, RecordingCommandRunner runner) {
            VifOpenVSwitch vif = ovsVif(profile().build()).network(network(bridge)).build();
            assertThatThrownBy(() -> plugin(runner, ovsdb).plug(vif, instance()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Open vSwitch bridge");
            assertThatThrownBy(() -> plugin(runner, ovsdb).unplug(vif, instance()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> plugin(runner, ovsdb).plug(hybridVif().toBuilder().network(network(bridge)).build(),
                    instance())).isInstanceOf(IllegalArgumentException.class);
            assertNothingRan(runner);
        }

        @Test
        @DisplayName("an invalid Linux bridge of a hybrid plug")
        void linuxBridge(RecordingCommandRunner runner) {
            VifBridge vif = hybridVif().toBuilder().bridgeName("qbr 1").build();
            assertThatThrownBy(() -> plugin(runner, ovsdb).plug(vif, instance()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid Linux bridge name 'qbr 1'");
            assertThatThrownBy(() -> plugin(runner, ovsdb).unplug(vif, instance()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertNothingRan(runner);
        }
    }

    @Nested
    @DisplayName("other invalid input, refused before anything runs")
    class Invalid {

        @Test
        @DisplayName("a VIF class this plugin does not handle")
        void unsupported(RecordingCommandRunner runner) {
            VifGeneric vif = VifGeneric.builder().id(VIF_ID).address(MAC).plugin("ovs").network(network(BRIDGE))
                    .vifName("tap0").portProfile(profile().build()).build();
            assertThatThrownBy(() -> plugin(runner, ovsdb).plug(vif, instance())).isInstanceOf(VifException.class)
                    .hasMessageStartingWith("This vif type is not supported by this plugin: VIFGeneric");
            assertThatThrownBy(() -> plugin(runner, ovsdb).unplug(vif, instance())).isInstanceOf(VifException.class);
            assertNothingRan(runner);
        }

        @Test
        @DisplayName("a VIF without a network or bridge")
        void noNetwork(RecordingCommandRunner runner) {
            VifOpenVSwitch noNetwork = ovsVif(profile().build()).network(null).build();
            assertThatThrownBy(() -> plugin(runner, ovsdb).plug(noNetwork, instance()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no network");
            VifOpenVSwitch noBridge = ovsVif(profile().build())
                    .network(Network.builder().id(OvsFixtures.NETWORK_ID).build()).build();
            assertThatThrownBy(() -> plugin(runner, ovsdb).unplug(noBridge, instance()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network.bridge");
            assertNothingRan(runner);
        }

        @Test
        @DisplayName("an MTU the kernel refuses")
        void mtu(RecordingCommandRunner runner) {
            VifBridge vif = hybridVif().toBuilder().network(network(BRIDGE, 70000)).build();
            assertThatThrownBy(() -> plugin(runner, ovsdb).plug(vif, instance()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(
                            "Invalid MTU 70000 for VIF " + VIF_ID + ": must be 68..65535");
            assertNothingRan(runner);
        }

        @Test
        @DisplayName("a VIFOpenVSwitch with create_port but without vif_name")
        void noVifName(RecordingCommandRunner runner) {
            VifOpenVSwitch vif = ovsVif(profile().createPort(true).build()).unset(VifOpenVSwitch.VIF_NAME).build();
            assertThatThrownBy(() -> plugin(runner, ovsdb).plug(vif, instance()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no vif_name");
            assertNothingRan(runner);
        }

        @Test
        @DisplayName("a profile without interface_id when the port gets external_ids")
        void noInterfaceId(RecordingCommandRunner runner) {
            VifOpenVSwitch vif = ovsVif(new org.osvif.objects.VifPortProfileOpenVSwitch.Builder().createPort(true)
                    .build()).build();
            assertThatThrownBy(() -> plugin(runner, ovsdb).plug(vif, instance()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no interface_id");
            assertThatThrownBy(() -> plugin(runner, ovsdb).plug(hybridVif(
                    new org.osvif.objects.VifPortProfileOpenVSwitch.Builder().build()), instance()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no interface_id");
            assertNothingRan(runner);
        }
    }

    @Nested
    @DisplayName("bridge deletion")
    class Deletion {

        @ParameterizedTest
        @ValueSource(strings = {"br-int", "br-ex", "qbr1", "pb-other"})
        @DisplayName("refuses every bridge but trunk bridges and the VIF's own per-port bridge")
        void guard(String bridge) {
            Transaction txn = ovsdb.transaction();
            assertThatThrownBy(() -> BridgeDeletion.delete(txn, bridge, VIF_ID))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Refusing to delete");
            BridgeDeletion.deleteIfTrunk(txn, bridge);
            assertThat(txn.commands()).isEmpty();
        }

        @Test
        @DisplayName("deletes trunk bridges and the per-port bridge")
        void allowed() {
            Transaction txn = ovsdb.transaction();
            BridgeDeletion.deleteIfTrunk(txn, "tbr-1234");
            BridgeDeletion.deletePerPortBridge(txn, VIF_ID);
            assertThat(txn.commands()).containsExactly(OvsdbCommands.deleteBridge("tbr-1234"),
                    OvsdbCommands.deleteBridge(OvsFixtures.PB));
        }
    }
}
