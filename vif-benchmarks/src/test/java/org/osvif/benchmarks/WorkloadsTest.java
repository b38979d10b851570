package org.osvif.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.osvif.objects.HostInfo;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.base.CanonicalJson;
import org.osvif.objects.base.PrimitiveCodec;

/**
 * The benchmark objects are the Python benchmark's objects: their primitives are,
 * byte for byte, the golden files Python os-vif wrote for the same builders
 * (bench_python.py uses generate_golden's "full" VIFOpenVSwitch and HostInfo).
 * Also runs each benchmark method once, so a broken benchmark fails the build
 * without JMH ever running.
 */
class WorkloadsTest {
    private static final PrimitiveCodec CODEC = OsVifObjects.codec();
    private static final Path GOLDEN = Path.of("..", "vif-objects", "src", "test", "resources", "ovo", "golden");

    private static String golden(String file) throws IOException {
        return Files.readString(GOLDEN.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void vifIsPythonsFullVifOpenVSwitch() throws IOException {
        assertThat(CODEC.toJson(Workloads.vifOpenVSwitch())).isEqualTo(golden("VIFOpenVSwitch.full.1.0.json"));
    }

    @Test
    void hostInfoIsPythonsThreePluginHostInfo() throws IOException {
        assertThat(CODEC.toJson(Workloads.hostInfo())).isEqualTo(golden("HostInfo.full.1.0.json"));
    }

    @Test
    void everyBenchmarkMethodRoundTrips() {
        ObjectCodecBenchmark b = new ObjectCodecBenchmark();
        b.setUp();
        String vif = CODEC.toJson(Workloads.vifOpenVSwitch());
        String host = CODEC.toJson(Workloads.hostInfo());
        assertThat(CanonicalJson.write(b.vifToPrimitive())).isEqualTo(vif);
        assertThat(b.vifFromPrimitive()).isInstanceOf(VifOpenVSwitch.class);
        assertThat(CODEC.toJson(b.vifFromPrimitive())).isEqualTo(vif);
        assertThat(CODEC.toJson(b.vifFromJson())).isEqualTo(vif);
        assertThat(b.vifToJson()).isEqualTo(vif);
        assertThat(CanonicalJson.write(b.hostInfoToPrimitive())).isEqualTo(host);
        assertThat(b.hostInfoFromPrimitive()).isInstanceOf(HostInfo.class);
        assertThat(CODEC.toJson(b.hostInfoFromPrimitive())).isEqualTo(host);
        assertThat(CODEC.toJson(b.hostInfoFromJson())).isEqualTo(host);
        assertThat(b.hostInfoToJson()).isEqualTo(host);
    }
}
