package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.plug.ovs.internal.FakeSysfs.PF0;
import static org.osvif.plug.ovs.internal.FakeSysfs.PF0_VF0;
import static org.osvif.plug.ovs.internal.FakeSysfs.PF0_VF1;
import static org.osvif.plug.ovs.internal.FakeSysfs.PF1;
import static org.osvif.plug.ovs.internal.FakeSysfs.PF1_VF1;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osvif.objects.types.PciAddress;
import org.osvif.plug.ovs.PciDeviceNotFoundByIdException;
import org.osvif.plug.ovs.RepresentorNotFoundException;

@DisplayName("Sysfs: finding a VF's representor")
class SysfsTest {

    @Nested
    @DisplayName("before Linux 5.8")
    class Pre58 {
        @TempDir
        Path root;

        @Test
        @DisplayName("finds the VF number from the PF's virtfn links")
        void vfNumber() {
            Sysfs sysfs = new Sysfs(FakeSysfs.pre58(root).root());
            assertThat(sysfs.vfNumber(PciAddress.parse(PF0_VF0))).isEqualTo("0");
            assertThat(sysfs.vfNumber(PciAddress.parse(PF0_VF1))).isEqualTo("1");
        }

        @Test
        @DisplayName("falls back to the PF's first switchdev netdev")
        void pfInterface() {
            Sysfs sysfs = new Sysfs(FakeSysfs.pre58(root).root());
            assertThat(sysfs.pfInterface(PciAddress.parse(PF0_VF1))).isEqualTo("enp3s0f0");
        }

        @Test
        @DisplayName("matches a bare VF number on the PF's switch only")
        void representor() {
            Sysfs sysfs = new Sysfs(FakeSysfs.pre58(root).root());
            assertThat(sysfs.representor("enp3s0f0", "1")).isEqualTo("eth1");
            assertThat(sysfs.representor("enp3s0f0", "0")).isEqualTo("eth0");
        }

        @Test
        @DisplayName("reports a VF without a representor with upstream's message")
        void noRepresentor() {
            Sysfs sysfs = new Sysfs(FakeSysfs.pre58(root).root());
            assertThatThrownBy(() -> sysfs.representor("enp3s0f0", "7"))
                    .isInstanceOf(RepresentorNotFoundException.class)
                    .hasMessage("Failed getting representor port for PF enp3s0f0 with 7");
        }

        @Test
        @DisplayName("names the PF's PCI address")
        void pfPci() {
            Sysfs sysfs = new Sysfs(FakeSysfs.pre58(root).root());
            assertThat(sysfs.pfPciAddress(PciAddress.parse(PF0_VF1))).isEqualTo(PF0);
        }
    }

    @Nested
    @DisplayName("Linux 5.8 and later")
    class Post58 {
        @TempDir
        Path root;

        @Test
        @DisplayName("prefers the uplink representor (p0) as the PF's interface")
        void pfInterface() {
            Sysfs sysfs = new Sysfs(FakeSysfs.post58(root).root());
            assertThat(sysfs.pfInterface(PciAddress.parse(PF0_VF1))).isEqualTo("enp3s0f0np0");
            assertThat(sysfs.pfInterface(PciAddress.parse(PF1_VF1))).isEqualTo("enp3s0f1np1");
        }

        @Test
        @DisplayName("matches pf<N>vf<M> with N the PF's PCI function")
        void representor() {
            Sysfs sysfs = new Sysfs(FakeSysfs.post58(root).root());
            assertThat(sysfs.representor("enp3s0f0np0", "1")).isEqualTo("enp3s0f0_1");
            assertThat(sysfs.representor("enp3s0f1np1", "1")).isEqualTo("enp3s0f1_1");
            assertThat(sysfs.vfNumber(PciAddress.parse(PF1_VF1))).isEqualTo("1");
            assertThat(sysfs.pfPciAddress(PciAddress.parse(PF1_VF1))).isEqualTo(PF1);
        }
    }

    @Nested
    @DisplayName("when sysfs lacks the device")
    class Missing {
        @TempDir
        Path root;

        @Test
        @DisplayName("an unknown VF is upstream's PciDeviceNotFoundById")
        void unknownVf() {
            Sysfs sysfs = new Sysfs(FakeSysfs.post58(root).root());
            PciAddress unknown = PciAddress.parse("0000:81:00.7");
            assertThatThrownBy(() -> sysfs.vfNumber(unknown))
                    .isInstanceOf(PciDeviceNotFoundByIdException.class)
                    .hasMessage("PCI device 0000:81:00.7 not found");
            assertThatThrownBy(() -> sysfs.pfInterface(unknown)).isInstanceOf(PciDeviceNotFoundByIdException.class);
            assertThatThrownBy(() -> sysfs.pfPciAddress(unknown)).isInstanceOf(PciDeviceNotFoundByIdException.class);
        }

        @Test
        @DisplayName("a PF without a switch id has no representors")
        void notSwitchdev() {
            FakeSysfs fs = new FakeSysfs(root);
            fs.pciFunction(PF0, PF0_VF0);
            fs.netdev("enp3s0f0", null, null, PF0);
            fs.pfNet(PF0, "enp3s0f0");
            Sysfs sysfs = new Sysfs(root);
            assertThatThrownBy(() -> sysfs.pfInterface(PciAddress.parse(PF0_VF0)))
                    .isInstanceOf(PciDeviceNotFoundByIdException.class);
            assertThatThrownBy(() -> sysfs.representor("enp3s0f0", "0"))
                    .isInstanceOf(RepresentorNotFoundException.class);
        }

        @Test
        @DisplayName("an unknown PF interface has no representors")
        void unknownPf() {
            Sysfs sysfs = new Sysfs(FakeSysfs.pre58(root).root());
            assertThatThrownBy(() -> sysfs.representor("nosuch0", "1"))
                    .isInstanceOf(RepresentorNotFoundException.class);
        }
    }
}
