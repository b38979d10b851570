#!/usr/bin/python3
"""Plug or unplug one VIF with the reference implementation, Python os-vif.

This is the Python half of two Java harnesses in this repository:

* ``PythonComparisonIT`` (vif-plug-ovs) plugs the same VIF with the Java port
  into one private Open vSwitch and with this script into another, then
  compares the OVSDB rows and Linux devices the two leave behind;
* ``PlugLatencyHarness`` (vif-benchmarks) times plugs of Java, of a bare
  ``ovs-vsctl`` and of Python os-vif on one switch.

Usage::

    plug_python.py --connection unix:/tmp/x/db.sock [--isolate-vif]
                   [--per-port-bridge] [--network-device-mtu 1500]
                   [--timeout 120] [--debug]
                   VIF.json INSTANCE.json plug|unplug

    plug_python.py ... --serve VIF.json INSTANCE.json

VIF.json and INSTANCE.json hold oslo.versionedobjects primitives (what
``obj_to_primitive()`` or the Java ``PrimitiveCodec`` writes) at versions the
installed os-vif knows (Debian's python3-os-vif 3.0.0 knows
VIFPortProfileOpenVSwitch 1.3, not 1.4).

The script must run as root inside the network namespace of the switch (the
Java side starts it through ``PrivateOvs.runner()``). It configures the
``[os_vif_ovs]`` group through oslo.config overrides, with
``ovsdb_interface = vsctl`` so that os-vif drives ``ovs-vsctl`` exactly as the
Java port does.

Privileges: os-vif wraps everything that needs root in oslo.privsep
entrypoints. The Open vSwitch plugin has a single privsep context,
``vif_plug_ovs.privsep.vif_plug``: it guards the ``ovs-vsctl`` runner of the
vsctl driver (``impl_vsctl._run_vsctl``) and the ``linux_net`` helpers that
change devices (``create_veth_pair``, ``ensure_bridge``, ``set_device_mtu``,
``delete_net_dev``, ...). os-vif's own ``ip`` layer (``os_vif.internal.ip``,
pyroute2) has no privsep context at all: the plugin calls it inside those
entrypoints, or directly for read-only checks such as ``ip_lib.exists``.
Putting that one context in non-client mode makes every entrypoint run in
this process, instead of starting a ``privsep-helper`` daemon through
sudo/rootwrap. The process already is root in the right namespace, so this is
equivalent, and devices and sockets stay in the namespace of the test.

Exit status: 0 done; 1 os-vif failed (the traceback is on stderr); 2 usage.

``--serve`` keeps the interpreter (and os-vif) loaded: it reads one action per
line from standard input (``plug`` or ``unplug``) and answers each with one
line on standard output, ``ok SECONDS`` (the time os-vif took, measured
in here) or ``error`` followed by the traceback as one JSON string. An empty
line or end of input ends it. The benchmark uses it to tell interpreter
start-up from os-vif's own cost.
"""

import argparse
import json
import logging
import sys
import time
import traceback

ACTIONS = ("plug", "unplug")


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Plug or unplug one VIF with Python os-vif (vsctl "
                    "driver), oslo.privsep run in-process.")
    parser.add_argument("--connection", required=True,
                        help="[os_vif_ovs] ovsdb_connection, e.g. "
                             "unix:/tmp/ovs/db.sock")
    parser.add_argument("--isolate-vif", action="store_true",
                        help="[os_vif_ovs] isolate_vif = True")
    parser.add_argument("--ovsdb-interface", choices=("vsctl", "native"),
                        default="vsctl",
                        help="os-vif's OVSDB driver: vsctl (default) or native "
                             "(ovsdbapp, one transaction on a kept connection)")
    parser.add_argument("--per-port-bridge", action="store_true",
                        help="[os_vif_ovs] per_port_bridge = True")
    parser.add_argument("--network-device-mtu", type=int, default=None,
                        help="[os_vif_ovs] network_device_mtu")
    parser.add_argument("--timeout", type=int, default=None,
                        help="[os_vif_ovs] ovs_vsctl_timeout, in seconds")
    parser.add_argument("--debug", action="store_true",
                        help="log os-vif's debug messages to stderr")
    parser.add_argument("--serve", action="store_true",
                        help="read plug/unplug lines from stdin, answer "
                             "ok SECONDS or error TRACEBACK per line")
    parser.add_argument("vif", help="file with the VIF primitive")
    parser.add_argument("instance",
                        help="file with the InstanceInfo primitive")
    parser.add_argument("action", nargs="?", choices=ACTIONS,
                        help="what to do (not with --serve)")
    args = parser.parse_args(argv)
    if args.serve == (args.action is not None):
        parser.error("give exactly one of an action (plug|unplug) or "
                     "--serve")
    return args


def configure(args):
    """Registers and overrides [os_vif_ovs], runs privsep in-process and
    loads the os-vif plugins. Returns the os_vif module."""
    from oslo_config import cfg

    import os_vif
    from vif_plug_ovs import ovs as ovs_plugin
    from vif_plug_ovs import privsep

    conf = cfg.CONF
    conf([], project="os_vif_plug_python", default_config_files=[])
    # The plugin reads ovsdb_connection, ovsdb_interface and the timeout
    # when it is constructed (ovsdb_lib.BaseOVS.__init__), inside
    # os_vif.initialize(). So the group is registered (with the plugin's own
    # option objects, which initialize() registers again harmlessly) and
    # overridden before that.
    group = cfg.OptGroup("os_vif_ovs", "os-vif plugin ovs options")
    conf.register_opts(ovs_plugin.OvsPlugin.CONFIG_OPTS, group=group)
    overrides = {
        "ovsdb_interface": args.ovsdb_interface,
        "ovsdb_connection": args.connection,
        "isolate_vif": args.isolate_vif,
        "per_port_bridge": args.per_port_bridge,
    }
    if args.network_device_mtu is not None:
        overrides["network_device_mtu"] = args.network_device_mtu
    if args.timeout is not None:
        overrides["ovs_vsctl_timeout"] = args.timeout
    for name, value in overrides.items():
        conf.set_override(name, value, group="os_vif_ovs")

    privsep.vif_plug.set_client_mode(False)
    os_vif.initialize()
    return os_vif


def read_object(path):
    from os_vif.objects import base

    with open(path, encoding="utf-8") as f:
        primitive = json.load(f)
    return base.VersionedObject.obj_from_primitive(primitive)


def run_once(os_vif, action, vif, instance):
    if action == "plug":
        os_vif.plug(vif, instance)
    else:
        os_vif.unplug(vif, instance)


def serve(os_vif, vif, instance, stdin, stdout):
    for line in stdin:
        action = line.strip()
        if not action:
            break
        if action not in ACTIONS:
            stdout.write("error %s\n" % json.dumps(
                "unknown action %r, expected plug or unplug" % action))
            stdout.flush()
            continue
        begin = time.perf_counter()
        try:
            run_once(os_vif, action, vif, instance)
        except Exception:
            stdout.write("error %s\n" % json.dumps(traceback.format_exc()))
        else:
            stdout.write("ok %.9f\n" % (time.perf_counter() - begin))
        stdout.flush()


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        os_vif = configure(args)
        vif = read_object(args.vif)
        instance = read_object(args.instance)
        if args.serve:
            serve(os_vif, vif, instance, sys.stdin, sys.stdout)
        else:
            run_once(os_vif, args.action, vif, instance)
    except Exception:
        traceback.print_exc(file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
