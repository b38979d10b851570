"""Write golden os-vif primitives (o.vo JSON) for the Java port's wire tests.

For every registered os_vif object class two cases are built through the
normal constructors with fixed values: "full" (every field set, nested
objects populated) and "sparse" (just what is needed, nullable fields set
to None).  Each case is serialised at the current version and at every
older version; selected objects are also serialised with version
manifests.  Where oslo.versionedobjects refuses to backport, the index
records the error instead of a file.

    /usr/bin/python3 generate_golden.py [--out DIR] [--upstream 5.1|3.0.0]

Output: one canonical JSON file per primitive plus index.json (see
README.md for the format).
"""

import argparse
import contextlib
import json
import os
import sys

from oslo_versionedobjects import base as ovo_base

import osvif51

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(
    HERE, "..", "..", "vif-objects", "src", "test", "resources", "ovo",
    "golden"))

# Fixed identifiers keep the output byte-for-byte reproducible.
VIF_ID = "5c2d3f1a-8b7e-4a6d-9c0b-1e2f3a4b5c6d"
NET_ID = "0f3a9d2e-4b1c-4e8a-b7d6-2c5e8f1a3b9d"
INSTANCE_UUID = "d7a730ca-3c28-49c3-8f26-4662b909fe8a"
INTERFACE_ID = "07bd6cea-fb37-4594-b769-90fc51854ee9"
QBG_INSTANCE_ID = "72a00fee-2fbb-43e6-a592-c858d056fcfc"
MAC = "fa:16:3e:4c:2c:30"
PCI_VF = "0000:0a:00.1"
PROJECT_ID = "2b7c1e0f9a6d4c3b8e5f0a1d2c3b4a59"

# Every list/child class at 1.0: what a 3.0.0-era peer with old children
# would announce.  Used by the manifest backports below.
LISTS_10 = {"SubnetList": "1.0", "Subnet": "1.0", "FixedIPList": "1.0",
            "FixedIP": "1.0", "RouteList": "1.0", "Route": "1.0"}


def objs():
    return sys.modules["os_vif.objects"]


# ---------------------------------------------------------------- builders

def fixed_ips():
    o = objs()
    return o.fixed_ip.FixedIPList(objects=[
        o.fixed_ip.FixedIP(address="192.0.2.10",
                           floating_ips=["198.51.100.5", "198.51.100.6"]),
        o.fixed_ip.FixedIP(address="192.0.2.11", floating_ips=[]),
    ])


def fixed_ips_v6():
    o = objs()
    return o.fixed_ip.FixedIPList(objects=[
        o.fixed_ip.FixedIP(address="2001:db8:1::10",
                           floating_ips=["2001:db8:ffff::10"]),
    ])


def routes():
    o = objs()
    return o.route.RouteList(objects=[
        o.route.Route(cidr="203.0.113.0/24", gateway="192.0.2.254",
                      interface="eth1"),
        o.route.Route(cidr="0.0.0.0/0", gateway="192.0.2.1",
                      interface="eth0"),
    ])


def routes_v6():
    o = objs()
    return o.route.RouteList(objects=[
        o.route.Route(cidr="2001:db8:2::/48", gateway="2001:db8:1::fe",
                      interface="eth0"),
    ])


def subnet_v4():
    return objs().subnet.Subnet(
        cidr="192.0.2.0/24", dns=["192.0.2.2", "198.51.100.53"],
        gateway="192.0.2.1", ips=fixed_ips(), routes=routes(),
        dhcp_server="192.0.2.2")


def subnet_v6():
    return objs().subnet.Subnet(
        cidr="2001:db8:1::/64", dns=["2001:db8:1::53"],
        gateway="2001:db8:1::1", ips=fixed_ips_v6(), routes=routes_v6(),
        dhcp_server="2001:db8:1::2")


def subnets():
    return objs().subnet.SubnetList(objects=[subnet_v4(), subnet_v6()])


def network():
    return objs().network.Network(
        id=NET_ID, bridge="br-int", label="tenant-net", subnets=subnets(),
        multi_host=False, should_provide_bridge=True,
        should_provide_vlan=True, bridge_interface="eth1", vlan=101,
        mtu=1450)


def offload():
    return objs().vif.DatapathOffloadRepresentor(
        representor_name="enp10s0f0_1", representor_address=PCI_VF)


def instance_info():
    return objs().instance_info.InstanceInfo(
        uuid=INSTANCE_UUID, name="instance-00000042", project_id=PROJECT_ID)


def ovs_fields():
    out = dict(interface_id=INTERFACE_ID, profile_id="ovs-qos-gold",
               datapath_type="netdev", create_port=True,
               datapath_offload=offload())
    # The 5.1 fields, only when the loaded definitions have them.
    if "create_tap" in objs().vif.VIFPortProfileOpenVSwitch.fields:
        out.update(create_tap=True, multiqueue=True)
    return out


def profile(name):
    """A fully populated port profile of class ``name``."""
    v = objs().vif
    ovs = ovs_fields()
    return {
        "VIFPortProfileBase": lambda: v.VIFPortProfileBase(
            datapath_offload=offload()),
        "VIFPortProfileOpenVSwitch": lambda: v.VIFPortProfileOpenVSwitch(
            **ovs),
        "VIFPortProfileFPOpenVSwitch": lambda: v.VIFPortProfileFPOpenVSwitch(
            bridge_name="br-fp", hybrid_plug=True, **ovs),
        "VIFPortProfileOVSRepresentor":
            lambda: v.VIFPortProfileOVSRepresentor(
                representor_name="enp10s0f0_1", representor_address=PCI_VF,
                **ovs),
        "VIFPortProfileFPBridge": lambda: v.VIFPortProfileFPBridge(
            bridge_name="brq0f3a9d2e-4b", datapath_offload=offload()),
        "VIFPortProfileFPTap": lambda: v.VIFPortProfileFPTap(
            mac_address="fa:16:3e:00:00:01", datapath_offload=offload()),
        "VIFPortProfile8021Qbg": lambda: v.VIFPortProfile8021Qbg(
            manager_id=8, type_id=23, type_id_version=523,
            instance_id=QBG_INSTANCE_ID, datapath_offload=offload()),
        "VIFPortProfile8021Qbh": lambda: v.VIFPortProfile8021Qbh(
            profile_id="qbh-profile-1", datapath_offload=offload()),
        "VIFPortProfileK8sDPDK": lambda: v.VIFPortProfileK8sDPDK(
            l3_setup=True, selflink="/api/v1/namespaces/default/pods/pod-1",
            resourceversion="4127", datapath_offload=offload()),
    }[name]()


def vif_common():
    return dict(id=VIF_ID, address=MAC, network=network(), plugin="ovs",
                active=False, preserve_on_delete=True,
                has_traffic_filtering=True)


# VIF class -> (port profile class used in its full case, own fields)
VIF_FULL = {
    "VIFGeneric": ("VIFPortProfileFPTap", dict(vif_name="tap5c2d3f1a-8b")),
    "VIFBridge": ("VIFPortProfileOpenVSwitch",
                  dict(vif_name="tap5c2d3f1a-8b",
                       bridge_name="qbr5c2d3f1a-8b")),
    "VIFOpenVSwitch": ("VIFPortProfileOpenVSwitch",
                       dict(vif_name="tap5c2d3f1a-8b", bridge_name="br-int")),
    "VIFDirect": ("VIFPortProfile8021Qbh",
                  dict(vif_name="macvtap0", dev_address=PCI_VF, mode="vepa",
                       vlan_name="eth1.101")),
    "VIFVHostUser": ("VIFPortProfileFPOpenVSwitch",
                     dict(vif_name="vhu5c2d3f1a-8b",
                          path="/var/run/openvswitch/vhu5c2d3f1a-8b",
                          mode="server")),
    "VIFHostDevice": ("VIFPortProfileOVSRepresentor",
                      dict(dev_type="ethernet", dev_address=PCI_VF)),
    "VIFNestedDPDK": ("VIFPortProfileK8sDPDK",
                      dict(pci_address="0000:00:05.0",
                           dev_driver="virtio-pci")),
}

VIF_SPARSE = {
    "VIFBase": {},
    "VIFGeneric": dict(vif_name="tap5c2d3f1a-8b"),
    "VIFBridge": dict(vif_name="tap5c2d3f1a-8b", bridge_name="qbr5c2d3f1a-8b"),
    "VIFOpenVSwitch": dict(vif_name="tap5c2d3f1a-8b", bridge_name="br-int"),
    "VIFDirect": dict(vif_name="macvtap0", dev_address=PCI_VF,
                      mode="passthrough"),
    "VIFVHostUser": dict(vif_name="vhu5c2d3f1a-8b",
                         path="/var/run/openvswitch/vhu5c2d3f1a-8b",
                         mode="client"),
    "VIFHostDevice": dict(dev_type="generic", dev_address=PCI_VF),
    "VIFNestedDPDK": dict(pci_address="0000:00:05.0", dev_driver="vfio-pci"),
}

PROFILE_SPARSE = {
    "VIFPortProfileBase": {},
    "VIFPortProfileOpenVSwitch": dict(interface_id=INTERFACE_ID,
                                      datapath_type=None),
    "VIFPortProfileFPOpenVSwitch": dict(interface_id=INTERFACE_ID,
                                        datapath_type=None,
                                        bridge_name="br-fp"),
    "VIFPortProfileOVSRepresentor": dict(interface_id=INTERFACE_ID,
                                         datapath_type=None,
                                         representor_name=None,
                                         representor_address=None),
    "VIFPortProfileFPBridge": dict(bridge_name="brq0f3a9d2e-4b"),
    "VIFPortProfileFPTap": dict(mac_address=None),
    "VIFPortProfile8021Qbg": dict(manager_id=8, type_id=23, type_id_version=1,
                                  instance_id=QBG_INSTANCE_ID),
    "VIFPortProfile8021Qbh": dict(profile_id="qbh-profile-1"),
    "VIFPortProfileK8sDPDK": dict(l3_setup=False, selflink="/api/v1/pods/p",
                                  resourceversion="1"),
}


def host_port_profiles(*names):
    hi = objs().host_info
    return [hi.HostPortProfileInfo(profile_object_name=n, min_version="1.0",
                                   max_version=v) for n, v in names]


def host_vif(name, max_version, *profiles):
    return objs().host_info.HostVIFInfo(
        vif_object_name=name, min_version="1.0", max_version=max_version,
        supported_port_profiles=host_port_profiles(*profiles))


OVS_PROFILES = (("VIFPortProfileOpenVSwitch", "1.4"),
                ("VIFPortProfileOVSRepresentor", "1.4"))


def host_plugins():
    hi = objs().host_info
    return [
        hi.HostPluginInfo(plugin_name="ovs", vif_info=[
            host_vif("VIFBridge", "1.0", *OVS_PROFILES),
            host_vif("VIFOpenVSwitch", "1.0", *OVS_PROFILES),
            host_vif("VIFVHostUser", "1.1", *OVS_PROFILES),
            host_vif("VIFHostDevice", "1.0", *OVS_PROFILES),
        ]),
        hi.HostPluginInfo(plugin_name="linux_bridge", vif_info=[
            host_vif("VIFBridge", "1.0", ("VIFPortProfileBase", "1.1")),
        ]),
        hi.HostPluginInfo(plugin_name="noop", vif_info=[
            host_vif("VIFVHostUser", "1.1",
                     ("VIFPortProfileOpenVSwitch", "1.4")),
        ]),
    ]


def full_builders():
    """name -> zero-argument factory of the fully populated object."""
    o = objs()
    v, hi = o.vif, o.host_info
    b = {}
    for name, (prof, own) in VIF_FULL.items():
        b[name] = (lambda name=name, prof=prof, own=own: getattr(v, name)(
            port_profile=profile(prof), **vif_common(), **own))
    for name in PROFILE_SPARSE:
        if name != "VIFPortProfileBase":
            b[name] = (lambda name=name: profile(name))
    b["DatapathOffloadRepresentor"] = offload
    b["Network"] = network
    b["Subnet"] = subnet_v4
    b["SubnetList"] = subnets
    b["FixedIP"] = lambda: fixed_ips().objects[0]
    b["FixedIPList"] = fixed_ips
    b["Route"] = lambda: routes().objects[0]
    b["RouteList"] = routes
    b["InstanceInfo"] = instance_info
    b["HostPortProfileInfo"] = lambda: host_port_profiles(
        ("VIFPortProfileOpenVSwitch", "1.4"))[0]
    b["HostVIFInfo"] = lambda: host_vif("VIFOpenVSwitch", "1.0",
                                        *OVS_PROFILES)
    b["HostPluginInfo"] = lambda: host_plugins()[0]
    b["HostInfo"] = lambda: hi.HostInfo(plugin_info=host_plugins())
    return dict(sorted(b.items()))


def sparse_builders():
    """name -> zero-argument factory of the minimal object."""
    o = objs()
    v, hi = o.vif, o.host_info
    b = {}
    for name, own in VIF_SPARSE.items():
        b[name] = (lambda name=name, own=own: getattr(v, name)(
            id=VIF_ID, plugin="noop", address=None, network=None, **own))
    for name, own in PROFILE_SPARSE.items():
        b[name] = (lambda name=name, own=own: getattr(v, name)(
            datapath_offload=None, **own))
    b["DatapathOffloadBase"] = lambda: v.DatapathOffloadBase()
    b["DatapathOffloadRepresentor"] = lambda: v.DatapathOffloadRepresentor(
        representor_name=None, representor_address=None)
    b["Network"] = lambda: o.network.Network(
        id=NET_ID, bridge_interface=None, vlan=None)
    b["Subnet"] = lambda: o.subnet.Subnet(cidr="10.0.0.0/8")
    b["SubnetList"] = lambda: o.subnet.SubnetList(objects=[])
    b["FixedIP"] = lambda: o.fixed_ip.FixedIP(address="10.0.0.5")
    b["FixedIPList"] = lambda: o.fixed_ip.FixedIPList(objects=[])
    b["Route"] = lambda: o.route.Route(cidr="fd00::/8")
    b["RouteList"] = lambda: o.route.RouteList(objects=[])
    b["InstanceInfo"] = lambda: o.instance_info.InstanceInfo(
        uuid=INSTANCE_UUID, name="instance-00000042")
    b["HostPortProfileInfo"] = lambda: host_port_profiles(
        ("VIFPortProfileFPTap", "1.1"))[0]
    b["HostVIFInfo"] = lambda: hi.HostVIFInfo(
        vif_object_name="VIFGeneric", min_version="1.0", max_version="1.0")
    b["HostPluginInfo"] = lambda: hi.HostPluginInfo(plugin_name="noop",
                                                    vif_info=[])
    b["HostInfo"] = lambda: hi.HostInfo(plugin_info=[])
    return dict(sorted(b.items()))


def builders():
    return {"full": full_builders(), "sparse": sparse_builders()}


# ------------------------------------------------------------ serialising

def sort_changes(node):
    """Sort every versioned_object.changes list (o.vo emits set order)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "versioned_object.changes" and isinstance(value, list):
                value.sort()
            else:
                sort_changes(value)
    elif isinstance(node, list):
        for item in node:
            sort_changes(item)
    return node


def canonical(obj):
    return json.dumps(sort_changes(obj), sort_keys=True, indent=2) + "\n"


@contextlib.contextmanager
def concrete_manifest_lookup():
    """Make o.vo honour a manifest entry naming a child's concrete class.

    Upstream looks a child up only by the field's declared class
    (e.g. VIFPortProfileBase); the Java port also accepts the concrete
    class name.  Used only to compute what Java should produce.
    """
    original = ovo_base.VersionedObject._obj_relationship_for

    def lookup(self, field, target_version):
        manifest = getattr(self, "_obj_version_manifest", None)
        if manifest and self.obj_attr_is_set(field):
            child = getattr(self, field)
            if (isinstance(child, ovo_base.VersionedObject) and
                    child.obj_name() in manifest):
                return [(target_version, manifest[child.obj_name()])]
        return original(self, field, target_version)

    ovo_base.VersionedObject._obj_relationship_for = lookup
    try:
        yield
    finally:
        ovo_base.VersionedObject._obj_relationship_for = original


def manifest_plan(name, cls, case, build):
    """(tag, manifest, upstream_defect) triples to apply to this object."""
    plans = []
    fields = cls.fields
    if case == "full" and "port_profile" in fields and "network" in fields:
        # Name the profile's own class: 1.1 for the Open vSwitch family
        # (drops create_port/create_tap/multiqueue), 1.0 for the others.
        prof = build().port_profile
        concrete = prof.obj_name()
        concrete_ver = "1.1" if "interface_id" in prof.fields else "1.0"
        plans += [
            ("base10", dict(LISTS_10, Network="1.0", VIFPortProfileBase="1.0",
                            DatapathOffloadBase="1.0"), False),
            ("base11", dict(LISTS_10, Network="1.1", VIFPortProfileBase="1.1",
                            DatapathOffloadBase="1.0"), False),
            ("concrete", {"Network": "1.1", "SubnetList": "1.0",
                          concrete: concrete_ver}, True),
        ]
    if name == "Network":
        plans.append(("lists10", dict(LISTS_10), False))
    if case == "full" and "datapath_offload" in fields:
        plans.append(("offload10", {"DatapathOffloadBase": "1.0"}, False))
    return plans


def entry(fname, name, case, version, source, manifest=None, error=None,
          defect=False, java=None):
    return {"file": fname, "object": name, "case": case, "version": version,
            "source": source, "manifest": manifest, "error": error,
            "upstream_defect": defect, "java_expected": java}


def serialise(build, version, manifest=None):
    """(primitive, None) or (None, error dict)."""
    try:
        return build().obj_to_primitive(target_version=version,
                                        version_manifest=manifest), None
    except Exception as exc:  # o.vo raises ObjectActionError and friends
        return None, {"type": type(exc).__name__, "message": str(exc)}


def generate():
    """Build every primitive; return {file name: text} and the index."""
    files, index = {}, []
    classes = osvif51.registered_classes()
    missing = set(classes) - set(sparse_builders())
    assert not missing, "no builder for %s" % sorted(missing)
    for case, table in builders().items():
        for name, build in table.items():
            cls = classes[name]
            current = cls.VERSION
            source = "%s.%s.%s.json" % (name, case, current)
            for version in reversed(osvif51.versions_of(cls)):
                fname = "%s.%s.%s.json" % (name, case, version)
                prim, err = serialise(build, version)
                if prim is not None:
                    files[fname] = canonical(prim)
                index.append(entry(None if err else fname, name, case,
                                   version, source, error=err))
                for tag, manifest, defect in manifest_plan(name, cls, case,
                                                           build):
                    mname = "%s.%s.%s.manifest-%s.json" % (
                        name, case, version, tag)
                    prim, err = serialise(build, version, manifest)
                    java = None
                    if prim is not None:
                        files[mname] = canonical(prim)
                        if defect:
                            with concrete_manifest_lookup():
                                jprim, jerr = serialise(build, version,
                                                        manifest)
                            if jprim is not None:
                                java = mname[:-len(".json")] + ".java.json"
                                files[java] = canonical(jprim)
                    index.append(entry(None if err else mname, name, case,
                                       version, source, manifest, err,
                                       defect, java))
    return files, index


def write(out_dir, files, index):
    os.makedirs(out_dir, exist_ok=True)
    for old in os.listdir(out_dir):
        if old.endswith(".json"):
            os.remove(os.path.join(out_dir, old))
    files = dict(files, **{"index.json": canonical(index)})
    for fname, text in sorted(files.items()):
        with open(os.path.join(out_dir, fname), "w") as f:
            f.write(text)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=DEFAULT_OUT,
                        help="output directory (default: %(default)s)")
    parser.add_argument("--upstream", default="5.1",
                        choices=osvif51.UPSTREAMS)
    args = parser.parse_args(argv)
    osvif51.load(args.upstream)
    files, index = generate()
    write(args.out, files, index)
    errors = sum(1 for e in index if e["error"])
    defects = sum(1 for e in index if e["upstream_defect"])
    print("%d primitives (%d Java-expected variants), %d expected errors, "
          "%d upstream_defect entries -> %s" % (
              len(files), sum(1 for f in files if f.endswith(".java.json")),
              errors, defects, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
