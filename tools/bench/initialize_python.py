"""Python os-vif's initialize(), measured as InitializeBenchmark measures Java's.

    /usr/bin/python3 tools/bench/initialize_python.py [--json]

Prints the cold first call in a fresh interpreter (imports and stevedore's
entry-point scan included) and the median of warm os_vif.initialize(reset=True)
calls, which reload the plugins (ovs, linux_bridge, noop in Debian's 3.0.0).
"""

import json
import statistics
import subprocess
import sys
import timeit

COLD = ("import time; t = time.perf_counter(); import os_vif; os_vif.initialize(); "
        "print((time.perf_counter() - t) * 1000)")


def cold_ms(runs=5):
    values = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD], check=True,
                             capture_output=True, text=True).stdout
        values.append(float(out.strip().splitlines()[-1]))
    return statistics.median(values)


def warm_us(number=50, repeat=7):
    import os_vif
    os_vif.initialize()
    times = timeit.repeat(lambda: os_vif.initialize(reset=True), number=number, repeat=repeat)
    plugins = sorted(os_vif._EXT_MANAGER.names())
    return statistics.median(times) / number * 1e6, plugins


def main():
    cold = cold_ms()
    warm, plugins = warm_us()
    result = {"cold_first_initialize_ms": round(cold, 1), "warm_initialize_us": round(warm, 1),
              "plugins": plugins}
    if "--json" in sys.argv[1:]:
        print(json.dumps(result))
    else:
        print("plugins: %s" % ", ".join(plugins))
        print("cold first initialize (fresh interpreter): %.1f ms" % cold)
        print("warm initialize(reset=True): %.1f us" % warm)


if __name__ == "__main__":
    main()
