"""Measure oslo.versionedobjects serialisation throughput for os-vif objects.

Two workloads, each timed for obj_to_primitive() and obj_from_primitive():
(a) a fully populated VIFOpenVSwitch (network with an IPv4 and an IPv6
    subnet, fixed IPs, routes, DNS; VIFPortProfileOpenVSwitch profile) and
(b) a HostInfo with three plugins (ovs, linux_bridge, noop) whose VIF
    entries list HostPortProfileInfo objects.
Reported value: operations per second, median of --repeat timeit runs.

    /usr/bin/python3 bench_python.py [--upstream 5.1] [--repeat 7] [--json]
"""

import argparse
import json
import statistics
import sys
import timeit

import generate_golden as gg
import osvif51


def vif_workload():
    """The VIFOpenVSwitch of the golden "full" case."""
    return gg.full_builders()["VIFOpenVSwitch"]()


def hostinfo_workload():
    return gg.objs().host_info.HostInfo(plugin_info=gg.host_plugins())


def ops_per_second(func, repeat):
    timer = timeit.Timer(func)
    number, _ = timer.autorange()          # at least 0.2 s per run
    runs = timer.repeat(repeat=repeat, number=number)
    return number / statistics.median(runs)


def measure(repeat):
    from os_vif.objects import base as osv_base
    read = osv_base.VersionedObject.obj_from_primitive
    results = {}
    for label, obj in (("vif", vif_workload()),
                       ("hostinfo", hostinfo_workload())):
        prim = obj.obj_to_primitive()
        results[label + "_to_primitive"] = ops_per_second(
            obj.obj_to_primitive, repeat)
        results[label + "_from_primitive"] = ops_per_second(
            lambda prim=prim: read(prim), repeat)
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", default="5.1",
                        choices=osvif51.UPSTREAMS)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object instead of a table")
    args = parser.parse_args(argv)
    osvif51.load(args.upstream)
    results = measure(args.repeat)
    if args.json:
        print(json.dumps({k: round(v, 1) for k, v in results.items()},
                         sort_keys=True))
        return 0
    print("%-26s %12s" % ("operation", "ops/s"))
    for key, value in results.items():
        print("%-26s %12.1f" % (key, value))
    print("(python %s, median of %d runs, os-vif definitions %s)"
          % (sys.version.split()[0], args.repeat, args.upstream))
    return 0


if __name__ == "__main__":
    sys.exit(main())
