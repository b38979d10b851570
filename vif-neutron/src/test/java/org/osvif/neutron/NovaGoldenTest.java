package org.osvif.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.osvif.neutron.libvirt.CanonicalXml;
import org.osvif.neutron.libvirt.LibvirtInterface;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifBase;
import org.osvif.objects.base.CanonicalJson;

/**
 * Every case Nova's own code turned into a VIF, an InstanceInfo and an
 * {@code <interface>} (tools/nova/generate_golden.py): the Java port gives the
 * same primitive, byte for byte, and the same XML after canonicalisation; where
 * Nova refuses, the Java port throws the matching typed exception.
 */
class NovaGoldenTest {
    private static final List<GoldenCase> CASES = GoldenCase.all();

    @Test
    void thereAreAtLeastFortyCasesAndEachKindIsCovered() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(40);
        assertThat(CASES.stream().filter(c -> c.file("vif") != null)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(CASES.stream().map(c -> c.entry().get("vif_type").textValue()).distinct())
                .contains("ovs", "agilio_ovs", "vhostuser", "ivs", "vrouter", "bridge");
    }

    @TestFactory
    Stream<DynamicTest> vifPrimitivesEqualNovas() {
        return CASES.stream().filter(c -> c.file("vif") != null).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            VifBase vif = PortBindingConverter.toVif(c.port(), c.network(), c.subnets(), c.settings());
            String expected = GoldenCase.text(c.file("java_expected") != null ? c.file("java_expected") : c.file("vif"));
            assertThat(CanonicalJson.write(OsVifObjects.codec().toPrimitive(vif))).isEqualTo(expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> instanceInfoEqualsNovas() {
        return CASES.stream().filter(c -> c.file("instance") != null).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            NovaInstance instance = NovaInstance.fromJson(c.input().get("instance"));
            assertThat(CanonicalJson.write(OsVifObjects.codec().toPrimitive(
                    PortBindingConverter.toInstanceInfo(instance)))).isEqualTo(GoldenCase.text(c.file("instance")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> libvirtXmlEqualsNovas() {
        return CASES.stream().filter(c -> c.file("xml") != null).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            VifBase vif = PortBindingConverter.toVif(c.port(), c.network(), c.subnets(), c.settings());
            String xml = LibvirtInterface.toXml(vif, c.libvirtOptions());
            assertThat(CanonicalXml.of(xml)).isEqualTo(CanonicalXml.of(GoldenCase.text(c.file("xml"))));
        }));
    }

    @TestFactory
    Stream<DynamicTest> novaRefusalsAreTypedExceptions() {
        return CASES.stream().filter(c -> c.file("vif") == null).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            assertThatThrownBy(() -> PortBindingConverter.toVif(c.port(), c.network(), c.subnets(), c.settings()))
                    .isInstanceOf(expectedKind(c.entry()))
                    .satisfies(e -> {
                        if (e instanceof UnsupportedBindingException u) {
                            assertThat(u.kind()).isEqualTo(expectedUnsupported(c.entry()));
                        }
                        JsonNode error = c.entry().get("error");
                        if (error.isObject() && error.get("type").textValue().startsWith("VifDetails")) {
                            assertThat(e).hasMessage(error.get("message").textValue());
                        }
                        if (error.isObject() && error.get("type").textValue().equals("NovaException")) {
                            assertThat(e).hasMessage(error.get("message").textValue());
                        }
                    });
        }));
    }

    private static Class<?> expectedKind(JsonNode entry) {
        if (entry.get("legacy").booleanValue()) {
            return UnsupportedBindingException.class;
        }
        return switch (entry.get("error").get("type").textValue()) {
            case "VifDetailsMissingVhostuserSockPath" -> MissingVhostUserSocketException.class;
            case "KeyError" -> InvalidNeutronValueException.class;
            case "NotImplementedError", "NovaException" -> UnsupportedBindingException.class;
            default -> throw new AssertionError("no Java counterpart for " + entry.get("error"));
        };
    }

    private static UnsupportedBindingException.Kind expectedUnsupported(JsonNode entry) {
        String type = entry.get("vif_type").textValue();
        if (entry.get("legacy").booleanValue()) {
            return switch (type) {
                case "unbound" -> UnsupportedBindingException.Kind.NOT_BOUND;
                case "binding_failed" -> UnsupportedBindingException.Kind.BINDING_FAILED;
                default -> UnsupportedBindingException.Kind.LEGACY;
            };
        }
        return entry.get("error").get("type").textValue().equals("NotImplementedError")
                ? UnsupportedBindingException.Kind.UNSUPPORTED_VNIC_TYPE
                : UnsupportedBindingException.Kind.UNKNOWN_VIF_TYPE;
    }
}
