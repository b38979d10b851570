package org.osvif.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.osvif.objects.HostInfo;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.base.PrimitiveCodec;
import org.osvif.objects.base.VersionedObject;

/**
 * Throughput of the o.vo primitive codec on the two workloads of
 * {@code tools/ovo/bench_python.py}: a full VIFOpenVSwitch ({@code vif*}) and a
 * three-plugin HostInfo ({@code hostInfo*}).
 *
 * <ul>
 * <li>{@code *ToPrimitive}: object to JSON tree, Python's {@code obj.obj_to_primitive()}.</li>
 * <li>{@code *FromPrimitive}: JSON tree to object, Python's
 * {@code VersionedObject.obj_from_primitive(dict)}; the tree is made once in setup.</li>
 * <li>{@code *FromJson}: JSON text to object (parse, then read); no Python counterpart measured.</li>
 * <li>{@code *ToJson}: object to canonical JSON text; no Python counterpart measured.</li>
 * </ul>
 *
 * The defaults below are the settings of docs/performance.md; command-line options override them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ObjectCodecBenchmark {
    private final PrimitiveCodec codec = OsVifObjects.codec();
    private VifOpenVSwitch vif;
    private ObjectNode vifPrimitive;
    private String vifJson;
    private HostInfo hostInfo;
    private ObjectNode hostInfoPrimitive;
    private String hostInfoJson;

    /** Builds the objects and their primitive and text forms once per trial. */
    @Setup
    public void setUp() {
        vif = Workloads.vifOpenVSwitch();
        vifPrimitive = codec.toPrimitive(vif);
        vifJson = codec.toJson(vif);
        hostInfo = Workloads.hostInfo();
        hostInfoPrimitive = codec.toPrimitive(hostInfo);
        hostInfoJson = codec.toJson(hostInfo);
    }

    /** @return the VIF as a primitive */
    @Benchmark
    public ObjectNode vifToPrimitive() {
        return codec.toPrimitive(vif);
    }

    /** @return the VIF read from its primitive */
    @Benchmark
    public VersionedObject vifFromPrimitive() {
        return codec.fromPrimitive(vifPrimitive);
    }

    /** @return the VIF read from JSON text */
    @Benchmark
    public VersionedObject vifFromJson() {
        return codec.fromJson(vifJson);
    }

    /** @return the VIF as JSON text */
    @Benchmark
    public String vifToJson() {
        return codec.toJson(vif);
    }

    /** @return the host info as a primitive */
    @Benchmark
    public ObjectNode hostInfoToPrimitive() {
        return codec.toPrimitive(hostInfo);
    }

    /** @return the host info read from its primitive */
    @Benchmark
    public VersionedObject hostInfoFromPrimitive() {
        return codec.fromPrimitive(hostInfoPrimitive);
    }

    /** @return the host info read from JSON text */
    @Benchmark
    public VersionedObject hostInfoFromJson() {
        return codec.fromJson(hostInfoJson);
    }

    /** @return the host info as JSON text */
    @Benchmark
    public String hostInfoToJson() {
        return codec.toJson(hostInfo);
    }
}
