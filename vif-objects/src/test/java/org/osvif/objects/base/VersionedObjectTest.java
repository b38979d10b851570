package org.osvif.objects.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osvif.objects.FixedIp;
import org.osvif.objects.HostInfo;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.Subnet;
import org.osvif.objects.SubnetList;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifDirect;
import org.osvif.objects.VifDirectMode;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.objects.types.IpAddress;

/** The state every versioned object keeps: set, null or unset fields, changes, version, equality, text. */
@DisplayName("VersionedObject")
class VersionedObjectTest {
    private static final PrimitiveCodec CODEC = OsVifObjects.codec();
    private static final String VIF_ID = "b0d36d8a-7b06-4b7a-9b2b-1f6c6a8e1c3d";
    private static final String NET_ID = "3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e";

    static VifOpenVSwitch vif() {
        return VifOpenVSwitch.builder().id(VIF_ID).address("FA:16:3E:00:00:01").vifName("tap0").build();
    }

    @Nested
    @DisplayName("builders")
    class Builders {

        @Test
        @DisplayName("mark every field they set as set and changed, at the class's current version")
        void setAndChanged() {
            VifOpenVSwitch v = vif();
            assertThat(v.version()).isEqualTo(VifOpenVSwitch.TYPE.version()).isEqualTo(ObjectVersion.of(1, 0));
            assertThat(v.setFields()).containsExactly("id", "address", "vif_name");
            assertThat(v.changedFields()).containsExactly("id", "address", "vif_name");
            assertThat(v.isSet(VifBase.ID)).isTrue();
            assertThat(v.isSet("vif_name")).isTrue();
            assertThat(v.isSet(VifOpenVSwitch.BRIDGE_NAME)).isFalse();
            assertThat(v.isSet("plugin")).isFalse();
        }

        @Test
        @DisplayName("forget changes on resetChanges(), keeping the values")
        void resetChanges() {
            VifOpenVSwitch v = vif().toBuilder().resetChanges().plugin("ovs").build();
            assertThat(v.setFields()).containsExactly("id", "address", "plugin", "vif_name");
            assertThat(v.changedFields()).containsExactly("plugin");
        }

        @Test
        @DisplayName("return a field to unset on unset(), which keeps its change mark as o.vo's delattr does")
        void unset() {
            VifOpenVSwitch v = vif().toBuilder().unset(VifOpenVSwitch.VIF_NAME).unset(VifBase.ADDRESS).build();
            assertThat(v.isSet(VifOpenVSwitch.VIF_NAME)).isFalse();
            assertThat(v.setFields()).containsExactly("id");
            assertThat(v.address()).isEmpty();
            assertThat(v.changedFields()).containsExactly("id", "address", "vif_name");
            ObjectNode p = CODEC.toPrimitive(v);
            assertThat(p.get("versioned_object.data").has("vif_name")).isFalse();
            assertThat(p.get("versioned_object.changes")).hasSize(1);
            assertThat(p.get("versioned_object.changes").get(0).textValue()).isEqualTo("id");
            assertThat(v).isEqualTo(VifOpenVSwitch.builder().id(VIF_ID).build());
        }

        @Test
        @DisplayName("refuse fields of other classes and unknown names")
        void foreignFields() {
            assertThatThrownBy(() -> VifOpenVSwitch.builder().set(Network.LABEL, "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("VIFOpenVSwitch has no field label");
            assertThatThrownBy(() -> VifOpenVSwitch.builder().unset(VifBridge.BRIDGE_NAME))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("VIFOpenVSwitch has no field bridge_name");
            assertThatThrownBy(() -> VifOpenVSwitch.builder().setAny("no_such", 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("VIFOpenVSwitch has no field no_such");
        }

        @Test
        @DisplayName("make independent objects: building again after a change leaves the first object alone")
        void independent() {
            VifOpenVSwitch.Builder b = VifOpenVSwitch.builder().vifName("a");
            VifOpenVSwitch first = b.build();
            VifOpenVSwitch second = b.vifName("b").build();
            assertThat(first.vifName()).isEqualTo("a");
            assertThat(second.vifName()).isEqualTo("b");
        }
    }

    @Nested
    @DisplayName("toBuilder")
    class ToBuilder {

        @Test
        @DisplayName("copies values, version and changes of an object read at an older version")
        void roundTrip() {
            VifVHostUser old = (VifVHostUser) CODEC.fromJson("{\"versioned_object.name\": \"VIFVHostUser\", "
                    + "\"versioned_object.namespace\": \"os_vif\", \"versioned_object.version\": \"1.0\", "
                    + "\"versioned_object.data\": {\"path\": \"/s\", \"mode\": \"client\", \"plugin\": \"ovs\"}, "
                    + "\"versioned_object.changes\": [\"path\"]}");
            VifVHostUser copy = old.toBuilder().build();
            assertThat(copy).isEqualTo(old).isNotSameAs(old);
            assertThat(copy.version()).isEqualTo(ObjectVersion.of(1, 0));
            assertThat(copy.changedFields()).containsExactly("path");
            assertThat(CODEC.toPrimitive(copy)).isEqualTo(CODEC.toPrimitive(old));

            VifVHostUser changed = old.toBuilder().mode(VifVHostUserMode.SERVER).build();
            assertThat(changed.version()).isEqualTo(ObjectVersion.of(1, 0));
            assertThat(changed.changedFields()).containsExactly("path", "mode");
            assertThat(old.mode()).isEqualTo(VifVHostUserMode.CLIENT);
        }
    }

    @Nested
    @DisplayName("equality")
    class Equality {

        @Test
        @DisplayName("ignores which fields changed, with a consistent hash code")
        void ignoresChanges() {
            VifOpenVSwitch a = vif();
            VifOpenVSwitch b = a.toBuilder().resetChanges().build();
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            VifOpenVSwitch read = CODEC.fromPrimitive(CODEC.toPrimitive(a), VifOpenVSwitch.TYPE);
            assertThat(read).isEqualTo(a).hasSameHashCodeAs(a);
        }

        @Test
        @DisplayName("tells apart versions, values, unset from null, and classes")
        void differences() {
            Network current = Network.builder().id(NET_ID).build();
            Network old = (Network) CODEC.fromPrimitive(CODEC.toPrimitive(current).put("versioned_object.version",
                    "1.0"));
            assertThat(old).isNotEqualTo(current);
            assertThat(old.setFields()).isEqualTo(current.setFields());

            VifOpenVSwitch a = vif();
            assertThat(a).isNotEqualTo(a.toBuilder().vifName("tap1").build());
            assertThat(a.toBuilder().network(null).build()).isNotEqualTo(a);
            assertThat(a.toBuilder().active(true).build()).isNotEqualTo(a);
            VifBridge bridge = VifBridge.builder().id(VIF_ID).address("fa:16:3e:00:00:01").vifName("tap0").build();
            assertThat(bridge.setFields()).isEqualTo(a.setFields());
            assertThat((Object) bridge).isNotEqualTo(a);
            assertThat(a).isNotEqualTo(null).isNotEqualTo("VIFOpenVSwitch");
        }

        @Test
        @DisplayName("compares nested objects and lists by value")
        void nested() {
            Subnet s1 = Subnet.builder().cidr("10.0.0.0/24").dns(IpAddress.parse("8.8.8.8")).build();
            Subnet s2 = Subnet.builder().cidr("10.0.0.0/24").setAny("dns", List.of("8.8.8.8")).build();
            Network n1 = Network.builder().id(NET_ID).subnets(SubnetList.of(s1)).build();
            Network n2 = Network.builder().id(NET_ID).subnets(SubnetList.of(s2)).build();
            assertThat(n1).isEqualTo(n2).hasSameHashCodeAs(n2);
        }
    }

    @Nested
    @DisplayName("toString")
    class ToStringForm {

        @Test
        @DisplayName("lists every field sorted by name, <?> for unset, as o.vo's repr with the version added")
        void reprLikeOvo() {
            VifOpenVSwitch v = VifOpenVSwitch.builder().id(VIF_ID).address("FA:16:3E:00:00:01")
                    .network(Network.builder().id(NET_ID).build()).active(false).vifName("tap0").build();
            // Python: repr(VIFOpenVSwitch(id=..., address='FA:16:3E:00:00:01', network=Network(id=...),
            //                             active=False, vif_name='tap0'))
            assertThat(v).hasToString("VIFOpenVSwitch(1.0)(active=False,address=fa:16:3e:00:00:01,bridge_name=<?>,"
                    + "has_traffic_filtering=<?>,id=b0d36d8a-7b06-4b7a-9b2b-1f6c6a8e1c3d,"
                    + "network=Network(3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e),plugin=<?>,port_profile=<?>,"
                    + "preserve_on_delete=<?>,vif_name='tap0')");
        }

        @Test
        @DisplayName("writes None, lists, enums, nested objects and integers as o.vo does")
        void valueForms() {
            Network n = Network.builder().id(NET_ID).label("public").vlan(5).bridgeInterface(null)
                    .subnets(SubnetList.of(Subnet.builder().cidr("10.0.0.0/24")
                            .setAny("dns", List.of("8.8.8.8", "2001:DB8::1")).gateway("10.0.0.1").build()))
                    .build();
            assertThat(n).hasToString("Network(1.1)(bridge=<?>,bridge_interface=None,"
                    + "id=3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e,label='public',mtu=None,multi_host=False,"
                    + "should_provide_bridge=False,should_provide_vlan=False,subnets=SubnetList,vlan=5)");
            assertThat(n.subnets().objects().get(0)).hasToString("Subnet(1.0)(cidr=10.0.0.0/24,dhcp_server=<?>,"
                    + "dns=[8.8.8.8,2001:db8::1],gateway=10.0.0.1,ips=<?>,routes=<?>)");
            assertThat(InstanceInfo.builder().uuid(VIF_ID).name("vm1").build())
                    .hasToString("InstanceInfo(1.0)(name='vm1',project_id=<?>,uuid=" + VIF_ID + ")");
            assertThat(VifDirect.builder().setAny("dev_address", "0000:0A:00.1").mode(VifDirectMode.VEPA).build())
                    .hasToString("VIFDirect(1.0)(active=<?>,address=<?>,dev_address=0000:0a:00.1,"
                            + "has_traffic_filtering=<?>,id=<?>,mode='vepa',network=<?>,plugin=<?>,port_profile=<?>,"
                            + "preserve_on_delete=<?>,vif_name=<?>,vlan_name=<?>)");
            assertThat(FixedIp.builder().address("10.0.0.5").floatingIps(List.of()).build())
                    .hasToString("FixedIP(1.0)(address=10.0.0.5,floating_ips=[])");
            assertThat(VifOpenVSwitch.builder().network(Network.builder().build()).build().toString())
                    .contains("network=Network(UNKNOWN)");
        }
    }

    @Nested
    @DisplayName("accessors")
    class Accessors {

        @Test
        @DisplayName("of an unset nullable field give Optional.empty()")
        void nullableUnset() {
            VifOpenVSwitch v = VifOpenVSwitch.builder().build();
            assertThat(v.address()).isEmpty();
            assertThat(v.network()).isEmpty();
            assertThat(Network.builder().build().vlan()).isEmpty();
        }

        @Test
        @DisplayName("of an unset field with a default give the default")
        void defaultedUnset() {
            VifOpenVSwitch v = VifOpenVSwitch.builder().build();
            assertThat(v.active()).isTrue();
            assertThat(v.preserveOnDelete()).isFalse();
            assertThat(v.hasTrafficFiltering()).isFalse();
            assertThat(v.isSet(VifBase.ACTIVE)).isFalse();
        }

        @Test
        @DisplayName("of an unset required field throw IllegalStateException naming class and field")
        void requiredUnset() {
            VifOpenVSwitch v = VifOpenVSwitch.builder().build();
            assertThatThrownBy(v::vifName).isInstanceOf(IllegalStateException.class)
                    .hasMessage("VIFOpenVSwitch.vif_name is not set");
            assertThatThrownBy(v::id).isInstanceOf(IllegalStateException.class)
                    .hasMessage("VIFOpenVSwitch.id is not set");
            assertThatThrownBy(v::portProfile).isInstanceOf(IllegalStateException.class)
                    .hasMessage("VIFOpenVSwitch.port_profile is not set");
            assertThatThrownBy(() -> v.get(VifBase.ACTIVE)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("VIFOpenVSwitch.active is not set");
        }

        @Test
        @DisplayName("get() gives the raw value, null included, of the object's own and inherited fields")
        void rawGet() {
            VifOpenVSwitch v = vif().toBuilder().network(null).build();
            assertThat(v.get(VifBase.NETWORK)).isNull();
            assertThat(v.get(VifOpenVSwitch.VIF_NAME)).isEqualTo("tap0");
            assertThat(v.get(VifBase.ID)).isEqualTo(VIF_ID);
            assertThatThrownBy(() -> v.get(Network.ID)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("VIFOpenVSwitch has no field id");
            assertThatThrownBy(() -> v.isSet("nope")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("VIFOpenVSwitch has no field nope");
        }

        @Test
        @DisplayName("name the object's class and type")
        void names() {
            assertThat(vif().objectName()).isEqualTo("VIFOpenVSwitch");
            assertThat(vif().objectType()).isSameAs(VifOpenVSwitch.TYPE);
        }
    }

    @Nested
    @DisplayName("changedFields")
    class ChangedFields {

        @Test
        @DisplayName("includes an object field whose child has changes, as o.vo's obj_what_changed does")
        void childChanges() {
            Network quiet = Network.builder().id(NET_ID).build().toBuilder().resetChanges().build();
            assertThat(quiet.subnets().changedFields()).containsExactly("objects");
            assertThat(quiet.changedFields()).containsExactly("subnets");
            assertThat(CODEC.toPrimitive(quiet).get("versioned_object.changes").toString())
                    .isEqualTo("[\"subnets\"]");

            Network silent = quiet.toBuilder().subnets(SubnetList.of().toBuilder().resetChanges().build())
                    .resetChanges().build();
            assertThat(silent.changedFields()).isEmpty();
            assertThat(CODEC.toPrimitive(silent).has("versioned_object.changes")).isFalse();
        }

        @Test
        @DisplayName("does not look into list fields, as o.vo does not")
        void listChildren() {
            HostInfo host = (HostInfo) CODEC.fromJson("{\"versioned_object.name\": \"HostInfo\", "
                    + "\"versioned_object.namespace\": \"os_vif\", \"versioned_object.version\": \"1.0\", "
                    + "\"versioned_object.data\": {\"plugin_info\": [{\"versioned_object.name\": \"HostPluginInfo\", "
                    + "\"versioned_object.namespace\": \"os_vif\", \"versioned_object.version\": \"1.0\", "
                    + "\"versioned_object.data\": {\"plugin_name\": \"ovs\"}, "
                    + "\"versioned_object.changes\": [\"plugin_name\"]}]}}");
            assertThat(host.pluginInfo().get(0).changedFields()).containsExactly("plugin_name");
            assertThat(host.changedFields()).isEmpty();
        }
    }
}
