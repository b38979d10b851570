package org.osvif.objects;

import java.util.List;
import org.osvif.objects.base.ObjectRegistry;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.PrimitiveCodec;

/**
 * Every os-vif object class, and a codec that reads and writes them. This is
 * os-vif's {@code register_all()}, as an immutable list.
 */
public final class OsVifObjects {
    private static final ObjectRegistry REGISTRY = ObjectRegistry.of(List.of(
            VifBase.TYPE, VifGeneric.TYPE, VifBridge.TYPE, VifOpenVSwitch.TYPE, VifDirect.TYPE, VifVHostUser.TYPE,
            VifHostDevice.TYPE, VifNestedDpdk.TYPE,
            DatapathOffloadBase.TYPE, DatapathOffloadRepresentor.TYPE,
            VifPortProfileBase.TYPE, VifPortProfileOpenVSwitch.TYPE, VifPortProfileFpOpenVSwitch.TYPE,
            VifPortProfileOvsRepresentor.TYPE, VifPortProfileFpBridge.TYPE, VifPortProfileFpTap.TYPE,
            VifPortProfile8021Qbg.TYPE, VifPortProfile8021Qbh.TYPE, VifPortProfileK8sDpdk.TYPE,
            Network.TYPE, Subnet.TYPE, SubnetList.TYPE, FixedIp.TYPE, FixedIpList.TYPE, Route.TYPE, RouteList.TYPE,
            InstanceInfo.TYPE,
            HostInfo.TYPE, HostPluginInfo.TYPE, HostVifInfo.TYPE, HostPortProfileInfo.TYPE));
    private static final PrimitiveCodec CODEC = new PrimitiveCodec(REGISTRY);

    private OsVifObjects() {
    }

    /** @return every os-vif object class */
    public static ObjectRegistry registry() {
        return REGISTRY;
    }

    /** @return a codec over {@link #registry()} */
    public static PrimitiveCodec codec() {
        return CODEC;
    }

    /**
     * @param name a wire name, e.g. {@code VIFOpenVSwitch}
     * @return its type
     * @throws IllegalArgumentException when no os-vif class has that name
     */
    public static ObjectType<?> type(String name) {
        return REGISTRY.find(name).orElseThrow(() -> new IllegalArgumentException("no os-vif object is named " + name));
    }
}
