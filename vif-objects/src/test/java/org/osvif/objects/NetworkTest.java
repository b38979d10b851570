package org.osvif.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.objects.base.BackportException;
import org.osvif.objects.base.CanonicalJson;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.base.PrimitiveCodec;

/** Network: the defaults upstream's constructor sets, and what they look like on the wire. */
@DisplayName("Network")
class NetworkTest {
    private static final PrimitiveCodec CODEC = OsVifObjects.codec();
    private static final String NET_ID = "3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e";

    /**
     * {@code json.dumps(Network(id=NET_ID).obj_to_primitive(), sort_keys=True, indent=2)} from Python os-vif,
     * with the change lists sorted (o.vo writes a set).
     */
    private static final String PYTHON_FRESH_NETWORK = """
            {
              "versioned_object.changes": [
                "id",
                "mtu",
                "multi_host",
                "should_provide_bridge",
                "should_provide_vlan",
                "subnets"
              ],
              "versioned_object.data": {
                "id": "3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e",
                "mtu": null,
                "multi_host": false,
                "should_provide_bridge": false,
                "should_provide_vlan": false,
                "subnets": {
                  "versioned_object.changes": [
                    "objects"
                  ],
                  "versioned_object.data": {
                    "objects": []
                  },
                  "versioned_object.name": "SubnetList",
                  "versioned_object.namespace": "os_vif",
                  "versioned_object.version": "1.0"
                }
              },
              "versioned_object.name": "Network",
              "versioned_object.namespace": "os_vif",
              "versioned_object.version": "1.1"
            }
            """;

    @Test
    @DisplayName("a new builder starts with upstream's constructor defaults, set and changed")
    void constructorDefaults() {
        Network n = Network.builder().build();
        assertThat(n.subnets()).isEqualTo(SubnetList.of());
        assertThat(n.subnets().objects()).isEmpty();
        assertThat(n.multiHost()).isFalse();
        assertThat(n.shouldProvideBridge()).isFalse();
        assertThat(n.shouldProvideVlan()).isFalse();
        assertThat(n.isSet(Network.MTU)).isTrue();
        assertThat(n.mtu()).isEmpty();
        assertThat(n.setFields()).containsExactly("subnets", "multi_host", "should_provide_bridge",
                "should_provide_vlan", "mtu");
        assertThat(n.changedFields()).containsExactly("subnets", "multi_host", "should_provide_bridge",
                "should_provide_vlan", "mtu");
        assertThat(n.isSet(Network.LABEL)).isFalse();
        assertThatThrownBy(n::label).isInstanceOf(IllegalStateException.class).hasMessage("Network.label is not set");
        assertThat(n.vlan()).isEmpty();
        assertThat(n.isSet(Network.VLAN)).isFalse();
    }

    @Test
    @DisplayName("a fresh Network writes the primitive Python's Network(id=...) writes")
    void freshPrimitiveMatchesPython() {
        Network n = Network.builder().id(NET_ID).build();
        assertThat(CanonicalJson.write(CODEC.toPrimitive(n))).isEqualTo(PYTHON_FRESH_NETWORK);
        assertThat(CODEC.toJson(n)).isEqualTo(PYTHON_FRESH_NETWORK);
        assertThat(CODEC.fromJson(PYTHON_FRESH_NETWORK)).isEqualTo(n);
    }

    @Test
    @DisplayName("defaults can be overridden or unset before building")
    void overrideDefaults() {
        Network n = Network.builder().id(NET_ID).multiHost(true).mtu(1450).unset(Network.SUBNETS).build();
        assertThat(n.multiHost()).isTrue();
        assertThat(n.mtu()).contains(1450);
        assertThat(n.isSet(Network.SUBNETS)).isFalse();
        assertThatThrownBy(n::subnets).isInstanceOf(IllegalStateException.class)
                .hasMessage("Network.subnets is not set");
        assertThat(CODEC.toPrimitive(n).get("versioned_object.data").has("subnets")).isFalse();
    }

    @Test
    @DisplayName("a primitive without the defaulted fields reads with them set but not changed, as Python reads it")
    void readAppliesConstructorDefaults() {
        String sparse = "{\"versioned_object.name\": \"Network\", \"versioned_object.namespace\": \"os_vif\", "
                + "\"versioned_object.version\": \"%s\", \"versioned_object.data\": {\"id\": \"" + NET_ID + "\"}}";
        // Python: json.dumps(Network.obj_from_primitive(sparse).obj_to_primitive(), sort_keys=True)
        String python = "{\"versioned_object.changes\": [\"subnets\"], \"versioned_object.data\": {\"id\": \""
                + NET_ID + "\", \"mtu\": null, \"multi_host\": false, \"should_provide_bridge\": false, "
                + "\"should_provide_vlan\": false, \"subnets\": {\"versioned_object.changes\": [\"objects\"], "
                + "\"versioned_object.data\": {\"objects\": []}, \"versioned_object.name\": \"SubnetList\", "
                + "\"versioned_object.namespace\": \"os_vif\", \"versioned_object.version\": \"1.0\"}}, "
                + "\"versioned_object.name\": \"Network\", \"versioned_object.namespace\": \"os_vif\", "
                + "\"versioned_object.version\": \"%s\"}";
        for (String version : new String[] {"1.1", "1.0"}) {
            Network n = (Network) CODEC.fromJson(sparse.formatted(version));
            assertThat(n.multiHost()).isFalse();
            assertThat(n.shouldProvideBridge()).isFalse();
            assertThat(n.shouldProvideVlan()).isFalse();
            assertThat(n.subnets()).isEqualTo(SubnetList.of());
            assertThat(n.isSet(Network.MTU)).isTrue();
            assertThat(n.isSet(Network.LABEL)).isFalse();
            // the only change o.vo reports is the constructor's SubnetList, which has changes of its own
            assertThat(n.changedFields()).containsExactly("subnets");
            assertThat(CODEC.toPrimitive(n)).isEqualTo(PrimitiveCodec.parse(python.formatted(version)));
        }
    }

    @Test
    @DisplayName("values in a primitive override the constructor defaults, null included")
    void readOverridesDefaults() {
        Network n = (Network) CODEC.fromJson("{\"versioned_object.name\": \"Network\", "
                + "\"versioned_object.namespace\": \"os_vif\", \"versioned_object.version\": \"1.1\", "
                + "\"versioned_object.data\": {\"multi_host\": true, \"mtu\": 9000}, "
                + "\"versioned_object.changes\": [\"mtu\"]}");
        assertThat(n.multiHost()).isTrue();
        assertThat(n.mtu()).contains(9000);
        assertThat(n.changedFields()).containsExactly("subnets", "mtu");
    }

    @Test
    @DisplayName("cannot be written as 1.0 with its subnets, for lack of a rule (o.vo: No rule for subnets)")
    void backportNeedsRule() {
        Network n = Network.builder().id(NET_ID).build();
        assertThatThrownBy(() -> CODEC.toPrimitive(n, ObjectVersion.of(1, 0)))
                .isInstanceOf(BackportException.class).hasMessageContaining("No rule for subnets");
        Network bare = n.toBuilder().unset(Network.SUBNETS).build();
        assertThat(CODEC.toPrimitive(bare, ObjectVersion.of(1, 0)).get("versioned_object.data").has("mtu")).isFalse();
    }
}
