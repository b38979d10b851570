package org.osvif.plug.ovs.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How the default QoS row of a port is recognised, as upstream 5.1's
 * {@code ovsdb_lib}: its {@code external_ids} hold {@code id}, a name-based
 * UUID (version 5) of the port's name in upstream's fixed namespace, and
 * {@code _type}, the QoS type. Python os-vif and this library therefore find
 * each other's rows.
 */
public final class QosKeys {
    /** Upstream's {@code QOS_UUID_NAMESPACE}. */
    public static final UUID NAMESPACE = UUID.fromString("68da264a-847f-42a8-8ab0-5e774aee3d95");

    private QosKeys() {
    }

    /**
     * @param device the port name
     * @return {@code uuid.uuid5(QOS_UUID_NAMESPACE, device)}
     */
    public static UUID id(String device) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                .putLong(NAMESPACE.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(device.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /**
     * @param device the port name
     * @param qosType the QoS type, e.g. {@code linux-noop}
     * @return the {@code external_ids} of the port's default QoS row: {@code id}, then {@code _type}
     */
    public static Map<String, String> externalIds(String device, String qosType) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("id", id(device).toString());
        ids.put("_type", qosType);
        return ids;
    }
}
