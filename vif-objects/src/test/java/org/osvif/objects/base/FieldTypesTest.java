package org.osvif.objects.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osvif.objects.FixedIp;
import org.osvif.objects.Network;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.Subnet;
import org.osvif.objects.SubnetList;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifDirect;
import org.osvif.objects.VifDirectMode;
import org.osvif.objects.VifHostDevice;
import org.osvif.objects.VifHostDeviceDevType;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileBase;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.objects.types.IpAddress;
import org.osvif.objects.types.MacAddress;
import org.osvif.objects.types.PciAddress;

/**
 * The o.vo coercions of every field type os-vif uses, through builders and
 * through primitives. Accepted conversions were checked against Python
 * oslo.versionedobjects ({@code Network.obj_from_primitive}); where this library
 * is stricter the refusal is pinned, with a message naming object, field and value.
 */
@DisplayName("FieldTypes")
class FieldTypesTest {
    private static final PrimitiveCodec CODEC = OsVifObjects.codec();
    private static final String NET_ID = "3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e";
    private static final String VIF_ID = "b0d36d8a-7b06-4b7a-9b2b-1f6c6a8e1c3d";

    static String primitive(String name, String version, String data) {
        return "{\"versioned_object.name\": \"" + name + "\", \"versioned_object.namespace\": \"os_vif\", "
                + "\"versioned_object.version\": \"" + version + "\", \"versioned_object.data\": {" + data + "}}";
    }

    /** A Network 1.1 primitive holding one field besides its id. */
    static Network network(String field, String json) {
        return (Network) CODEC.fromJson(primitive("Network", "1.1",
                "\"id\": \"" + NET_ID + "\", \"" + field + "\": " + json));
    }

    static String dataPath(String field) {
        return "$.versioned_object.data." + field;
    }

    /** Asserts the refusal names the object, the field (or its path) and the value. */
    static void refused(ThrowingCallable call, String object, String field, String value, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidFieldValueException.class, e -> {
            boolean read = field.startsWith("$");
            String leaf = read ? field.substring(field.lastIndexOf('.') + 1) : field;
            assertThat(e.objectName()).isEqualTo(object);
            assertThat(e.fieldName()).isEqualTo(leaf);
            assertThat(e.path()).isEqualTo(read ? field : null);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.reason()).contains(reason);
            assertThat(e.getMessage()).startsWith(read ? "at " + field + " (" + object + "." + leaf + "): "
                    : object + "." + field + ": ")
                    .contains(reason)
                    .endsWith("(value: " + shown(value) + ")");
        });
    }

    /** How the exception shows a value: quoted, cut to 80 characters. */
    static String shown(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + (value.length() > 80 ? value.substring(0, 77) + "..." : value) + "'";
    }

    @Nested
    @DisplayName("String")
    class StringType {

        @ParameterizedTest(name = "{0} -> {1}")
        @DisplayName("reads JSON numbers and booleans from a primitive as Python's str() writes them")
        @CsvSource(delimiter = '|', value = {
            "\"tap0\" | tap0",
            "\"\" | ''",
            "5 | 5",
            "-17 | -17",
            "12345678901234567890 | 12345678901234567890",
            "true | True",
            "false | False",
            "1.5 | 1.5",
            "1e16 | 1e+16",
            "1e-05 | 1e-05",
            "0.0001 | 0.0001",
            "123456789012345680.0 | 1.2345678901234568e+17",
            "1000000000000000.0 | 1000000000000000.0",
            "2.82879384806159e17 | 2.82879384806159e+17",
            "5e-324 | 5e-324",
            "1e23 | 1e+23",
            "100 | 100",
            "100.0 | 100.0",
            "-2.5 | -2.5",
            "3e-5 | 3e-05",
        })
        void fromPrimitive(String json, String python) {
            assertThat(network("label", json).label()).isEqualTo(python);
        }

        @Test
        @DisplayName("takes numbers and booleans through a builder as Python's str() writes them")
        void fromBuilder() {
            Network.Builder b = Network.builder().id(NET_ID);
            assertThat(b.setAny("label", 5).build().label()).isEqualTo("5");
            assertThat(b.setAny("label", 5L).build().label()).isEqualTo("5");
            assertThat(b.setAny("label", true).build().label()).isEqualTo("True");
            assertThat(b.setAny("label", false).build().label()).isEqualTo("False");
            assertThat(b.setAny("label", 1.5).build().label()).isEqualTo("1.5");
            assertThat(b.setAny("label", 1e16).build().label()).isEqualTo("1e+16");
            assertThat(b.setAny("label", 0.5f).build().label()).isEqualTo("0.5");
        }

        @Test
        @DisplayName("refuses arrays and objects in a primitive")
        void refusesContainers() {
            refused(() -> network("label", "[1]"), "Network", dataPath("label"), "[1]",
                    "A string is required, not a JSON array");
            refused(() -> network("bridge", "{}"), "Network", dataPath("bridge"), "{}",
                    "A string is required, not a JSON object");
        }

        @Test
        @DisplayName("refuses other Java types through a builder")
        void refusesOtherTypes() {
            refused(() -> Network.builder().setAny("label", new ArrayList<>(List.of("a"))), "Network", "label", "[a]",
                    "A string is required, not a ArrayList");
        }
    }

    @Nested
    @DisplayName("Integer")
    class IntegerType {

        @ParameterizedTest(name = "{0} -> {1}")
        @DisplayName("reads what Python's int() reads")
        @CsvSource(delimiter = '|', value = {
            "12 | 12",
            "\"12\" | 12",
            "\" 12 \" | 12",
            "\"1_000\" | 1000",
            "\"+7\" | 7",
            "\"-0\" | 0",
            "\"-12\" | -12",
            "2.9 | 2",
            "-2.9 | -2",
            "true | 1",
            "false | 0",
            "2147483647 | 2147483647",
            "-2147483648 | -2147483648",
            "1e3 | 1000",
        })
        void fromPrimitive(String json, int expected) {
            assertThat(network("vlan", json).vlan()).contains(expected);
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("refuses text Python's int() refuses")
        @ValueSource(strings = {"\"1.5\"", "\"abc\"", "\"\"", "\" \"", "\"1__0\"", "\"_1\"", "\"1_\"", "\"+\"",
            "\"0x10\"", "\"1e3\"", "\"\\u0661\""})
        void refusesText(String json) {
            String text = json.substring(1, json.length() - 1).replace("\\u0661", "\u0661");
            refused(() -> network("vlan", json), "Network", dataPath("vlan"), text,
                    "invalid literal for int() with base 10");
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("refuses integers beyond 32 bits, which Python would take")
        @ValueSource(strings = {"1099511627776", "2147483648", "-2147483649", "\"1099511627776\"", "1e300",
            "2.9e9"})
        void refusesLarge(String json) {
            assertThatThrownBy(() -> network("vlan", json)).isInstanceOfSatisfying(InvalidFieldValueException.class,
                    e -> {
                        assertThat(e.objectName()).isEqualTo("Network");
                        assertThat(e.path()).isEqualTo(dataPath("vlan"));
                        assertThat(e.reason()).isEqualTo("integer out of the 32-bit range this library supports");
                    });
        }

        @Test
        @DisplayName("refuses arrays and objects")
        void refusesContainers() {
            refused(() -> network("mtu", "[]"), "Network", dataPath("mtu"), "[]",
                    "An integer is required, not a JSON array");
            refused(() -> network("mtu", "{\"a\":1}"), "Network", dataPath("mtu"), "{\"a\":1}",
                    "An integer is required, not a JSON object");
        }

        @Test
        @DisplayName("takes only integers through a builder")
        void fromBuilder() {
            assertThat(Network.builder().id(NET_ID).setAny("vlan", 12).build().vlan()).contains(12);
            refused(() -> Network.builder().setAny("vlan", "12"), "Network", "vlan", "12",
                    "An integer is required, not a String");
            refused(() -> Network.builder().setAny("vlan", 12L), "Network", "vlan", "12",
                    "An integer is required, not a Long");
        }
    }

    @Nested
    @DisplayName("Boolean")
    class BooleanType {

        @ParameterizedTest(name = "{0} -> {1}")
        @DisplayName("reads JSON booleans and numbers (zero is false), as Python's bool() does")
        @CsvSource(delimiter = '|', value = {
            "true | true", "false | false", "0 | false", "1 | true", "2 | true", "-1 | true", "0.0 | false",
            "0.5 | true", "1e-400 | false",
        })
        void fromPrimitive(String json, boolean expected) {
            assertThat(network("multi_host", json).multiHost()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "''{0}''")
        @DisplayName("refuses strings, which Python would read as True when not empty, \"false\" included")
        @ValueSource(strings = {"false", "true", "", "0", "False"})
        void refusesStrings(String text) {
            refused(() -> network("multi_host", "\"" + text + "\""), "Network", dataPath("multi_host"), text,
                    "A boolean is required, not a JSON string (Python would read any non-empty string, "
                            + "\"false\" included, as True)");
        }

        @Test
        @DisplayName("refuses arrays and objects")
        void refusesContainers() {
            refused(() -> network("should_provide_vlan", "[]"), "Network", dataPath("should_provide_vlan"), "[]",
                    "A boolean is required, not a JSON array");
        }

        @Test
        @DisplayName("takes only booleans through a builder")
        void fromBuilder() {
            assertThat(Network.builder().id(NET_ID).setAny("multi_host", true).build().multiHost()).isTrue();
            refused(() -> Network.builder().setAny("multi_host", "false"), "Network", "multi_host", "false",
                    "A boolean is required, not a String");
            refused(() -> Network.builder().setAny("multi_host", 1), "Network", "multi_host", "1",
                    "A boolean is required, not a Integer");
        }
    }

    @Nested
    @DisplayName("UUID")
    class UuidType {

        @ParameterizedTest(name = "{0}")
        @DisplayName("accepts every form Python's uuid.UUID reads and keeps it verbatim")
        @ValueSource(strings = {
            "3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e",
            "3e6ab5a46d6b4d2a8f4e2a3c3a1d5b9e",
            "3E6AB5A4-6D6B-4D2A-8F4E-2A3C3A1D5B9E",
            "3E6AB5A46D6B4D2A8F4E2A3C3A1D5B9E",
            "{3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e}",
            "urn:uuid:3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e",
            "urn:uuid:{3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e}",
            "3e6ab5a4-6d6b4d2a-8f4e2a3c3a1d5b9e",
        })
        void accepts(String uuid) {
            assertThat(CODEC.fromJson(primitive("Network", "1.1", "\"id\": \"" + uuid + "\"")))
                    .isInstanceOfSatisfying(Network.class, n -> assertThat(n.id()).isEqualTo(uuid));
            assertThat(Network.builder().id(uuid).build().id()).isEqualTo(uuid);
        }

        @Test
        @DisplayName("takes a java.util.UUID through a builder as its canonical text")
        void javaUuid() {
            assertThat(Network.builder().setAny("id", java.util.UUID.fromString(NET_ID)).build().id())
                    .isEqualTo(NET_ID);
        }

        @ParameterizedTest(name = "''{0}''")
        @DisplayName("refuses what Python's uuid.UUID refuses (o.vo would only warn)")
        @ValueSource(strings = {"garbage", "", "3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9", "3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9ef",
            "3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9g", "{3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e",
            "3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e}", " 3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e",
            "urn:uuid:{3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e", "URN:UUID:3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e",
            "{{3e6ab5a4-6d6b-4d2a-8f4e-2a3c3a1d5b9e}}"})
        void refuses(String uuid) {
            refused(() -> CODEC.fromJson(primitive("Network", "1.1", "\"id\": \"" + uuid + "\"")), "Network",
                    dataPath("id"), uuid, "Malformed UUID " + uuid);
            refused(() -> Network.builder().id(uuid), "Network", "id", uuid, "Malformed UUID " + uuid);
        }

        @Test
        @DisplayName("refuses numbers")
        void refusesNumbers() {
            refused(() -> CODEC.fromJson(primitive("Network", "1.1", "\"id\": 5")), "Network", dataPath("id"), "5",
                    "A UUID string is required, not a JSON number");
            refused(() -> Network.builder().setAny("id", 5), "Network", "id", "5",
                    "A UUID string is required, not a Integer");
        }
    }

    @Nested
    @DisplayName("text types (MAC, PCI, IP address and network)")
    class TextTypes {

        @Test
        @DisplayName("normalise text from a builder and from a primitive")
        void normalise() {
            VifOpenVSwitch vif = VifOpenVSwitch.builder().address("FA-16-3E-00-00-01").build();
            assertThat(vif.address()).contains(MacAddress.parse("fa:16:3e:00:00:01"));
            VifBase read = (VifBase) CODEC.fromJson(primitive("VIFOpenVSwitch", "1.0",
                    "\"address\": \"FA:16:3E:00:00:01\""));
            assertThat(read.address()).map(Object::toString).contains("fa:16:3e:00:00:01");
            VifDirect direct = VifDirect.builder().setAny("dev_address", "0000:0A:00.1").build();
            assertThat(direct.devAddress()).isEqualTo(PciAddress.parse("0000:0a:00.1"));
            Subnet subnet = Subnet.builder().cidr("2001:DB8::1/64").gateway("2001:DB8::1").build();
            assertThat(subnet.cidr()).hasToString("2001:db8::1/64");
            assertThat(subnet.gateway()).hasToString("2001:db8::1");
        }

        @Test
        @DisplayName("refuse malformed text with the parser's message")
        void refuseMalformed() {
            refused(() -> VifOpenVSwitch.builder().address("fa:16:3e:00:00"), "VIFOpenVSwitch", "address",
                    "fa:16:3e:00:00", "Malformed MAC fa:16:3e:00:00");
            refused(() -> CODEC.fromJson(primitive("VIFOpenVSwitch", "1.0", "\"address\": \"zz\"")),
                    "VIFOpenVSwitch", dataPath("address"), "zz", "Malformed MAC zz");
            refused(() -> VifHostDevice.builder().setAny("dev_address", "0000:0a:00:1"), "VIFHostDevice",
                    "dev_address", "0000:0a:00:1", "Malformed PCI address 0000:0a:00:1");
            refused(() -> Subnet.builder().gateway("010.0.0.1"), "Subnet", "gateway", "010.0.0.1",
                    "failed to detect a valid IP address from '010.0.0.1'");
            refused(() -> CODEC.fromJson(primitive("Subnet", "1.0", "\"cidr\": \"10.0.0.0/33\"")), "Subnet",
                    dataPath("cidr"), "10.0.0.0/33", "invalid IPNetwork 10.0.0.0/33");
        }

        @Test
        @DisplayName("refuse JSON values that are not strings")
        void refuseNonStrings() {
            refused(() -> CODEC.fromJson(primitive("VIFOpenVSwitch", "1.0", "\"address\": 5")), "VIFOpenVSwitch",
                    dataPath("address"), "5", "A MACAddress string is required, not a JSON number");
            refused(() -> CODEC.fromJson(primitive("Subnet", "1.0", "\"gateway\": true")), "Subnet",
                    dataPath("gateway"), "true", "A IPAddress string is required, not a JSON boolean");
            refused(() -> VifOpenVSwitch.builder().setAny("address", 5), "VIFOpenVSwitch", "address", "5",
                    "A MACAddress is required, not a Integer");
        }
    }

    @Nested
    @DisplayName("Enum")
    class EnumType {

        @Test
        @DisplayName("reads and takes the wire values")
        void accepts() {
            VifVHostUser read = (VifVHostUser) CODEC.fromJson(primitive("VIFVHostUser", "1.1", "\"mode\": \"server\""));
            assertThat(read.mode()).isEqualTo(VifVHostUserMode.SERVER);
            assertThat(VifVHostUser.builder().setAny("mode", "client").build().mode()).isEqualTo(VifVHostUserMode.CLIENT);
            assertThat(VifDirect.builder().setAny("mode", "passthrough").build().mode())
                    .isEqualTo(VifDirectMode.PASSTHROUGH);
            assertThat(((VifHostDevice) CODEC.fromJson(primitive("VIFHostDevice", "1.0", "\"dev_type\": \"generic\"")))
                    .devType()).isEqualTo(VifHostDeviceDevType.GENERIC);
            assertThat(CODEC.toPrimitive(read).at("/versioned_object.data/mode").textValue()).isEqualTo("server");
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("refuses unknown values and non-strings in a primitive, listing the valid ones")
        @ValueSource(strings = {"\"CLIENT\"", "\"bogus\"", "\"\"", "1", "true", "[\"client\"]"})
        void refusesInPrimitive(String json) {
            String shown = json.startsWith("\"") ? json.substring(1, json.length() - 1) : json;
            refused(() -> CODEC.fromJson(primitive("VIFVHostUser", "1.1", "\"mode\": " + json)), "VIFVHostUser",
                    dataPath("mode"), shown, "Field value " + json + " is invalid (valid: client, server)");
        }

        @Test
        @DisplayName("refuses unknown values and other types through a builder")
        void refusesInBuilder() {
            refused(() -> VifVHostUser.builder().setAny("mode", "Server"), "VIFVHostUser", "mode", "Server",
                    "Field value Server is invalid (valid: client, server)");
            refused(() -> VifDirect.builder().setAny("mode", VifVHostUserMode.CLIENT), "VIFDirect", "mode",
                    "CLIENT", "is invalid (valid: vepa, passthrough, bridge)");
            refused(() -> VifHostDevice.builder().setAny("dev_type", 1), "VIFHostDevice", "dev_type", "1",
                    "is invalid (valid: ethernet, generic)");
        }
    }

    @Nested
    @DisplayName("null")
    class Nulls {

        @Test
        @DisplayName("in a nullable field is a set null")
        void nullable() {
            Network n = network("mtu", "null");
            assertThat(n.isSet(Network.MTU)).isTrue();
            assertThat(n.get(Network.MTU)).isNull();
            assertThat(n.mtu()).isEmpty();
            VifOpenVSwitch vif = VifOpenVSwitch.builder().address((MacAddress) null).network(null).build();
            assertThat(vif.isSet(VifBase.ADDRESS)).isTrue();
            assertThat(vif.address()).isEmpty();
            assertThat(vif.network()).isEmpty();
            assertThat(CODEC.toPrimitive(vif).at("/versioned_object.data/network").isNull()).isTrue();
        }

        @Test
        @DisplayName("in a non-nullable field with a default becomes the default")
        void defaulted() {
            VifBase read = (VifBase) CODEC.fromJson(primitive("VIFOpenVSwitch", "1.0",
                    "\"active\": null, \"preserve_on_delete\": null"));
            assertThat(read.isSet(VifBase.ACTIVE)).isTrue();
            assertThat(read.get(VifBase.ACTIVE)).isTrue();
            assertThat(read.get(VifBase.PRESERVE_ON_DELETE)).isFalse();
            VifOpenVSwitch built = VifOpenVSwitch.builder().active(null).hasTrafficFiltering(null).build();
            assertThat(built.get(VifBase.ACTIVE)).isTrue();
            assertThat(built.get(VifBase.HAS_TRAFFIC_FILTERING)).isFalse();
            assertThat(CODEC.toPrimitive(built).at("/versioned_object.data/active").booleanValue()).isTrue();
        }

        @Test
        @DisplayName("in a non-nullable field without a default is refused as o.vo refuses it")
        void refused() {
            FieldTypesTest.refused(() -> network("label", "null"), "Network", dataPath("label"), null,
                    "Field `label' cannot be None");
            FieldTypesTest.refused(() -> Network.builder().label(null), "Network", "label", null,
                    "Field `label' cannot be None");
            FieldTypesTest.refused(() -> VifOpenVSwitch.builder().vifName(null), "VIFOpenVSwitch", "vif_name", null,
                    "Field `vif_name' cannot be None");
            FieldTypesTest.refused(() -> CODEC.fromJson(primitive("VIFOpenVSwitch", "1.0", "\"port_profile\": null")),
                    "VIFOpenVSwitch", dataPath("port_profile"), null, "Field `port_profile' cannot be None");
        }
    }

    @Nested
    @DisplayName("List")
    class ListFields {

        @Test
        @DisplayName("reads and takes lists of values, unmodifiable")
        void accepts() {
            Subnet s = (Subnet) CODEC.fromJson(primitive("Subnet", "1.0", "\"dns\": [\"8.8.8.8\", \"2001:DB8::1\"]"));
            assertThat(s.dns()).extracting(Object::toString).containsExactly("8.8.8.8", "2001:db8::1");
            assertThatThrownBy(() -> s.dns().add(IpAddress.parse("1.1.1.1")))
                    .isInstanceOf(UnsupportedOperationException.class);
            List<IpAddress> mine = new ArrayList<>(List.of(IpAddress.parse("1.1.1.1")));
            FixedIp ip = FixedIp.builder().floatingIps(mine).build();
            mine.clear();
            assertThat(ip.floatingIps()).containsExactly(IpAddress.parse("1.1.1.1"));
            assertThat(Subnet.builder().setAny("dns", List.of("9.9.9.9")).build().dns())
                    .containsExactly(IpAddress.parse("9.9.9.9"));
        }

        @Test
        @DisplayName("refuses values that are not lists")
        void refusesNonLists() {
            refused(() -> CODEC.fromJson(primitive("Subnet", "1.0", "\"dns\": \"8.8.8.8\"")), "Subnet", dataPath("dns"),
                    "8.8.8.8", "A list is required, not a JSON string");
            refused(() -> CODEC.fromJson(primitive("Subnet", "1.0", "\"dns\": {\"a\": \"8.8.8.8\"}")), "Subnet",
                    dataPath("dns"), "{\"a\":\"8.8.8.8\"}", "A list is required, not a JSON object");
            refused(() -> Subnet.builder().setAny("dns", "8.8.8.8"), "Subnet", "dns", "8.8.8.8",
                    "A list is required, not a String");
        }

        @Test
        @DisplayName("refuses null elements and bad elements, naming the index")
        void refusesElements() {
            refused(() -> CODEC.fromJson(primitive("Subnet", "1.0", "\"dns\": [\"8.8.8.8\", null]")), "Subnet",
                    dataPath("dns"), "[\"8.8.8.8\",null]", "list element [1] cannot be None");
            refused(() -> CODEC.fromJson(primitive("FixedIP", "1.0", "\"floating_ips\": [\"1.1.1.1\", \"x\"]")),
                    "FixedIP", dataPath("floating_ips"), "[\"1.1.1.1\",\"x\"]",
                    "list element [1]: failed to detect a valid IP address from 'x'");
            refused(() -> CODEC.fromJson(primitive("FixedIP", "1.0", "\"floating_ips\": [[\"1.1.1.1\"]]")), "FixedIP",
                    dataPath("floating_ips"), "[[\"1.1.1.1\"]]",
                    "list element [0]: A IPAddress string is required, not a JSON array");
            refused(() -> Subnet.builder().setAny("dns", Arrays.asList(IpAddress.parse("1.1.1.1"), null)), "Subnet",
                    "dns", "[1.1.1.1, null]", "list elements cannot be None");
        }

        @Test
        @DisplayName("of objects refuses elements of another class")
        void refusesOtherObjects() {
            String route = primitive("Route", "1.0", "");
            refused(() -> CODEC.fromJson(primitive("SubnetList", "1.0", "\"objects\": [" + route + "]")),
                    "SubnetList", dataPath("objects"), "[" + PrimitiveCodec.parse(route) + "]",
                    "list element [0]: An object of type Subnet is required, not a Route");
        }
    }

    @Nested
    @DisplayName("Object")
    class ObjectFields {

        @Test
        @DisplayName("refuses an object of another class, in a primitive and through a builder")
        void refusesOtherClass() {
            String subnet = primitive("Subnet", "1.0", "");
            String text = PrimitiveCodec.parse(subnet).toString();
            refused(() -> CODEC.fromJson(primitive("VIFOpenVSwitch", "1.0", "\"network\": " + subnet)),
                    "VIFOpenVSwitch", dataPath("network"), text, "An object of type Network is required, not a Subnet");
            Subnet s = Subnet.builder().build();
            refused(() -> VifOpenVSwitch.builder().setAny("network", s), "VIFOpenVSwitch", "network", s.toString(),
                    "An object of type Network is required, not a Subnet");
            refused(() -> VifOpenVSwitch.builder().setAny("network", "net"), "VIFOpenVSwitch", "network", "net",
                    "An object of type Network is required, not a String");
        }

        @Test
        @DisplayName("accepts a subclass where the field declares subclasses (port_profile)")
        void acceptsDeclaredSubclasses() {
            VifPortProfileOpenVSwitch profile = VifPortProfileOpenVSwitch.builder().interfaceId(VIF_ID).build();
            VifOpenVSwitch vif = VifOpenVSwitch.builder().id(VIF_ID).portProfile(profile).build();
            assertThat(vif.portProfile()).isSameAs(profile);
            VifOpenVSwitch back = CODEC.fromPrimitive(CODEC.toPrimitive(vif), VifOpenVSwitch.TYPE);
            assertThat(back.portProfile()).isInstanceOf(VifPortProfileOpenVSwitch.class).isEqualTo(profile);
        }

        @Test
        @DisplayName("refuses a class outside the declared hierarchy even where subclasses are allowed")
        void refusesOutsideHierarchy() {
            String network = primitive("Network", "1.1", "");
            refused(() -> CODEC.fromJson(primitive("VIFOpenVSwitch", "1.0", "\"port_profile\": " + network)),
                    "VIFOpenVSwitch", dataPath("port_profile"), PrimitiveCodec.parse(network).toString(),
                    "An object of type VIFPortProfileBase (or a subclass) is required, not a Network");
            Network n = Network.builder().build();
            refused(() -> VifOpenVSwitch.builder().setAny("port_profile", n), "VIFOpenVSwitch", "port_profile",
                    n.toString(), "An object of type VIFPortProfileBase (or a subclass) is required, not a Network");
        }

        @Test
        @DisplayName("without subclasses, accepts the declared class only")
        void exactClassOnly() {
            FieldType<VifBase> exact = FieldTypes.object(() -> VifBase.TYPE, false);
            FieldType<VifBase> any = FieldTypes.object(() -> VifBase.TYPE, true);
            VifOpenVSwitch vif = VifOpenVSwitch.builder().build();
            assertThatThrownBy(() -> exact.accept(vif)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("An object of type VIFBase is required, not a VIFOpenVSwitch");
            assertThat(any.accept(vif)).isSameAs(vif);
            assertThat(exact.describe()).isEqualTo("Object<VIFBase>");
            assertThat(any.describe()).isEqualTo("Object<VIFBase,subclasses>");
        }

        @Test
        @DisplayName("a nested refusal names the innermost object and the whole path")
        void nestedPath() {
            String subnet = primitive("Subnet", "1.0", "\"cidr\": \"nope\"");
            String list = primitive("SubnetList", "1.0", "\"objects\": [" + subnet + "]");
            refused(() -> network("subnets", list), "Subnet",
                    "$.versioned_object.data.subnets.versioned_object.data.objects[0].versioned_object.data.cidr",
                    "nope", "invalid IPNetwork nope");
        }
    }

    @Test
    @DisplayName("each type describes itself with its o.vo name")
    void describe() {
        assertThat(List.of(FieldTypes.STRING, FieldTypes.INTEGER, FieldTypes.BOOLEAN, FieldTypes.UUID,
                FieldTypes.MAC_ADDRESS, FieldTypes.PCI_ADDRESS, FieldTypes.IP_ADDRESS, FieldTypes.IP_NETWORK,
                FieldTypes.listOf(FieldTypes.IP_ADDRESS),
                FieldTypes.enumOf("VIFVHostUserMode", VifVHostUserMode.class)))
                .extracting(FieldType::describe)
                .containsExactly("String", "Integer", "Boolean", "UUID", "MACAddress", "PCIAddress", "IPAddress",
                        "IPNetwork", "List<IPAddress>", "VIFVHostUserMode(client, server)");
        assertThat(VifBase.PORT_PROFILE.type().describe()).isEqualTo("Object<VIFPortProfileBase,subclasses>");
        assertThat(SubnetList.OBJECTS.type().describe()).isEqualTo("List<Object<Subnet>>");
        assertThat(VifPortProfileBase.DATAPATH_OFFLOAD.describe())
                .isEqualTo("datapath_offload: Object<DatapathOffloadBase,subclasses> nullable");
        assertThat(VifBase.ACTIVE.describe()).isEqualTo("active: Boolean default=True");
    }
}
