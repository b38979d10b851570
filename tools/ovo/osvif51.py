"""Bring the installed os-vif 3.0.0 object model up to the os-vif 5.1 wire format.

Debian ships os-vif 3.0.0; upstream's 5.1 differs only in the Open vSwitch
port profiles: VIFPortProfileOpenVSwitch 1.4 adds the boolean fields
``create_tap`` and ``multiqueue`` (default False), and its subclasses
VIFPortProfileFPOpenVSwitch and VIFPortProfileOVSRepresentor move to 1.4
with it.  ``load("5.1")`` patches the registered classes in place (new
fields, accessors, VERSION, backport rule); ``load("3.0.0")`` leaves the
installed definitions untouched.

Usage::

    import osvif51
    osvif51.load("5.1")      # registers os-vif objects, then upgrades them
"""

import warnings

from oslo_utils import versionutils
from oslo_versionedobjects import base as ovo_base
from oslo_versionedobjects import fields as ovo_fields

import os_vif.objects

UPSTREAMS = ("3.0.0", "5.1")
NEW_OVS_FIELDS = ("create_tap", "multiqueue")

_loaded = None


def _ver(text):
    return versionutils.convert_version_to_tuple(text)


def _add_fields(cls, new_fields):
    """Add fields to a registered class and (re)build its accessors."""
    cls.fields = dict(cls.fields)
    cls.fields.update(new_fields)
    # o.vo builds one property per field when a class is registered; running
    # the same helper again gives the new fields their getter/setter too.
    ovo_base._make_class_properties(cls)


def _patch_ovs_profile(ovs):
    old_compat = ovs.obj_make_compatible

    def obj_make_compatible(self, primitive, target_version):
        # 1.4 is the first version carrying the TAP fields; older peers
        # must not see them.  Everything else is the 1.3 rule.
        if _ver(target_version) < (1, 4):
            for name in NEW_OVS_FIELDS:
                primitive.pop(name, None)
        old_compat(self, primitive, target_version)

    _add_fields(ovs, {name: ovo_fields.BooleanField(default=False)
                      for name in NEW_OVS_FIELDS})
    ovs.obj_make_compatible = obj_make_compatible
    ovs.VERSION = "1.4"


def _patch_ovs_subclass(cls, ovs):
    old_compat = cls.obj_make_compatible

    def obj_make_compatible(self, primitive, target_version):
        # The subclass version tracks the parent one to one.  The 3.0.0
        # rule maps anything >= 1.3 to parent 1.3, which would strip the
        # new fields, so 1.4 goes to the (patched) parent directly.
        if _ver(target_version) >= (1, 4):
            ovs.obj_make_compatible(self, primitive, "1.4")
        else:
            old_compat(self, primitive, target_version)

    _add_fields(cls, {name: ovs.fields[name] for name in NEW_OVS_FIELDS})
    cls.obj_make_compatible = obj_make_compatible
    cls.VERSION = "1.4"


def _apply_51():
    vif = os_vif.objects.vif
    ovs = vif.VIFPortProfileOpenVSwitch
    _patch_ovs_profile(ovs)
    _patch_ovs_subclass(vif.VIFPortProfileFPOpenVSwitch, ovs)
    _patch_ovs_subclass(vif.VIFPortProfileOVSRepresentor, ovs)


def load(upstream="5.1"):
    """Register the os-vif objects and make them match ``upstream``.

    Idempotent for the same upstream; going back from 5.1 to 3.0.0 in the
    same process is not possible and raises RuntimeError.
    """
    global _loaded
    if upstream not in UPSTREAMS:
        raise ValueError("unknown upstream %r (choose from %s)"
                         % (upstream, ", ".join(UPSTREAMS)))
    # VIFPortProfileOVSRepresentor warns on every instantiation.
    warnings.filterwarnings("ignore", category=PendingDeprecationWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    os_vif.objects.register_all()
    if _loaded == upstream:
        return
    if _loaded == "5.1":
        raise RuntimeError("os-vif 5.1 definitions already applied")
    if upstream == "5.1":
        _apply_51()
    _loaded = upstream


def registered_classes():
    """Map object name -> newest registered class, os_vif namespace only."""
    out = {}
    for name, classes in ovo_base.VersionedObjectRegistry.obj_classes().items():
        cls = classes[0]
        if getattr(cls, "OBJ_PROJECT_NAMESPACE", None) == "os_vif":
            out[name] = cls
    return dict(sorted(out.items()))


def versions_of(cls):
    """All versions from 1.0 up to the class's VERSION, oldest first."""
    major, minor = _ver(cls.VERSION)
    return ["%d.%d" % (major, m) for m in range(minor + 1)]


def _self_test():
    load("5.1")
    vif = os_vif.objects.vif
    prof = vif.VIFPortProfileFPOpenVSwitch(
        interface_id="07bd6cea-fb37-4594-b769-90fc51854ee9",
        bridge_name="br-fp", create_tap=True, multiqueue=True,
        create_port=True, datapath_type="netdev")
    prim = prof.obj_to_primitive()
    assert prim["versioned_object.version"] == "1.4", prim
    back = vif.VIFPortProfileBase.obj_from_primitive(prim)
    assert back.create_tap is True and back.multiqueue is True
    assert back.obj_to_primitive() == prim
    for target, gone in (("1.3", NEW_OVS_FIELDS),
                         ("1.2", NEW_OVS_FIELDS + ("create_port",)),
                         ("1.0", NEW_OVS_FIELDS + ("datapath_type",))):
        data = prof.obj_to_primitive(target)["versioned_object.data"]
        assert not set(gone) & set(data), (target, data)
        assert "bridge_name" in data
    print("osvif51 self-test OK: %s" % ", ".join(
        "%s %s" % (n, c.VERSION) for n, c in registered_classes().items()
        if n.startswith("VIFPortProfile")))


if __name__ == "__main__":
    _self_test()
