#!/usr/bin/python3
"""Generates the golden iptables-restore inputs that IptablesManagerGoldenTest compares against.

Runs upstream's own IptablesManager (Debian python3-os-vif 3.0.0,
vif_plug_linux_bridge/iptables.py and linux_net._ensure_bridge_filtering) on the
*.save inputs in this folder and writes what upstream would feed iptables-restore
(and ip6tables-restore) to <scenario>.restore / <scenario>.restore6.

    cd vif-plug-linuxbridge/src/test/resources/org/osvif/plug/linuxbridge/internal/iptables
    /usr/bin/python3 generate.py

Nothing here touches the host's iptables: save and restore are replaced.
"""
import os
import tempfile

from oslo_concurrency import lockutils

from vif_plug_linux_bridge import iptables
from vif_plug_linux_bridge import linux_net

lockutils.set_defaults(tempfile.mkdtemp())
iptables.binary_name = 'nova-compute'
HERE = os.path.dirname(os.path.abspath(__file__))


def read(name):
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        return ''
    with open(path) as f:
        return f.read()


class Run(object):
    """One manager whose save/restore read and write files of this folder."""

    def __init__(self, **kwargs):
        self.mgr = iptables.IptablesManager(**kwargs)
        linux_net.configure(self.mgr)

    def use(self, scenario):
        """Points save and restore at this scenario's files; defers apply."""
        def saver(suffix):
            return lambda: (read(scenario + '.save' + suffix), '')

        def restorer(suffix):
            def restore(text):
                with open(os.path.join(HERE, scenario + '.restore' + suffix), 'w') as f:
                    f.write(text)
                return '', ''
            return restore
        iptables.iptables_save = saver('')
        iptables.iptables_restore = restorer('')
        iptables.ip6tables_save = saver('6')
        iptables.ip6tables_restore = restorer('6')
        self.mgr.defer_apply_on()

    def apply(self):
        """Applies once: what _ensure_bridge_filtering would, for all rules added."""
        self.mgr.defer_apply_off()


# 1. A host with no iptables tables yet (iptables-save prints nothing), defaults,
#    one flat bridge with filtering (gateway rules, forward_bridge_interface = all).
r = Run()
r.use('empty-flat')
linux_net._ensure_bridge_filtering('br100', True)
r.apply()

# 1b. The same host, one VLAN bridge (ensure_vlan_bridge: gateway None).
r = Run()
r.use('empty-vlan')
linux_net._ensure_bridge_filtering('br100', None)
r.apply()

# 2. A host with rules of its own, stale rules of an earlier nova-compute, top and
#    bottom regexes, a drop action with arguments, named forward interfaces, one
#    flat (gateway) bridge and one VLAN (gateway None) bridge.
r = Run(iptables_top_regex='KEEP-ME-FIRST',
        iptables_bottom_regex='10\\.9\\.9\\.9',
        iptables_drop_action='REJECT --reject-with icmp-host-prohibited',
        forward_bridge_interface=['eth1', '', 'bond0'])
r.use('busy-host')
linux_net._ensure_bridge_filtering('br100', True)
linux_net._ensure_bridge_filtering('brvlan7', None)
r.apply()
# 3. The same manager again, after one more bridge, with what step 2 restored as
#    the current state.
with open(os.path.join(HERE, 'busy-host.restore')) as f:
    current = f.read()
with open(os.path.join(HERE, 'busy-host-again.save'), 'w') as f:
    f.write(current)
r.use('busy-host-again')
linux_net._ensure_bridge_filtering('br200', True)
r.apply()

# 4. use_ipv6: the IPv6 filter table is applied too (with no bridge rules in it).
r = Run(use_ipv6=True)
r.use('ipv6')
linux_net._ensure_bridge_filtering('br100', True)
r.apply()
