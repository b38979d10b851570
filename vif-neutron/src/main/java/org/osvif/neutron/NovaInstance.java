package org.osvif.neutron;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The instance a port is for, as the Compute API shows it to an admin
 * ({@code GET /servers/{id}}): Nova's os-vif {@code InstanceInfo} takes its
 * UUID, its hypervisor name ({@code OS-EXT-SRV-ATTR:instance_name}, e.g.
 * {@code instance-0000002a}; the display {@code name} when that is absent) and
 * its project.
 *
 * @param uuid {@code id}
 * @param name the hypervisor name, or the display name
 * @param projectId {@code project_id} or {@code tenant_id}, or null
 */
public record NovaInstance(String uuid, String name, String projectId) {

    /**
     * Reads an instance.
     *
     * @param json the server object, or the API's {@code {"server": {...}}}
     * @return the instance
     * @throws InvalidNeutronValueException naming the first field that cannot be read
     */
    public static NovaInstance fromJson(JsonNode json) {
        JsonFields f = JsonFields.object(json, "server", "instance");
        String name = f.optionalText("OS-EXT-SRV-ATTR:instance_name");
        if (name == null) {
            name = f.requiredText("name");
        }
        String project = f.optionalText("project_id");
        if (project == null) {
            project = f.optionalText("tenant_id");
        }
        return new NovaInstance(f.requiredUuid("id"), name, project);
    }
}
