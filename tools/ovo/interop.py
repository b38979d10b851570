"""Python side of the Java <-> Python os-vif wire-compatibility checks.

    interop.py roundtrip DIR [--upstream 3.0.0|5.1]
        Read every primitive (*.json except index.json) in DIR with
        oslo.versionedobjects, write it back at its own version and compare.
        One OK/FAIL line per file, then "N passed, M failed".
        Exit 0 if all passed, 1 if any failed, 2 on usage error.

    interop.py write DIR [--upstream 3.0.0|5.1]
        Build the generator's "full" and "sparse" objects and write their
        current-version primitives into DIR (<Name>.<case>.<version>.json).

Comparison rules: data must be equal; each object's "changes" list is
compared as a set.  Two o.vo artefacts are tolerated and reported:
- names in an input "changes" list that are not keys of that object's data
  are ignored (o.vo leaves such stale names in nested children it
  backported, and drops them itself when it serialises again);
- fields the Python constructor fills in although the primitive did not
  carry them (Network.__init__ defaults mtu, subnets, multi_host, ...) are
  unset again before writing, and named in the OK line.
"""

import argparse
import json
import os
import sys

import generate_golden
import osvif51

DATA = "versioned_object.data"
CHANGES = "versioned_object.changes"


def normalise(node):
    """Copy of a primitive with changes as sorted, data-filtered lists."""
    if isinstance(node, list):
        return [normalise(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: normalise(value) for key, value in node.items()
           if key != CHANGES}
    if DATA in node:
        changes = set(node.get(CHANGES, ())) & set(node[DATA])
        if changes:
            out[CHANGES] = sorted(changes)
    return out


def first_difference(want, got, path="$"):
    if type(want) is not type(got):
        return "%s: expected %s, got %s" % (path, _short(want), _short(got))
    if isinstance(want, dict):
        for key in sorted(set(want) | set(got)):
            if key not in got:
                return "%s: missing key %r" % (path, key)
            if key not in want:
                return "%s: unexpected key %r" % (path, key)
            diff = first_difference(want[key], got[key], "%s.%s" % (path, key))
            if diff:
                return diff
        return None
    if isinstance(want, list):
        if len(want) != len(got):
            return "%s: expected %d items, got %d" % (path, len(want),
                                                      len(got))
        for i, (w, g) in enumerate(zip(want, got)):
            diff = first_difference(w, g, "%s[%d]" % (path, i))
            if diff:
                return diff
        return None
    if want != got:
        return "%s: expected %s, got %s" % (path, _short(want), _short(got))
    return None


def _short(value):
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= 80 else text[:77] + "..."


def unset_injected(obj, primitive, found):
    """Unset fields set on obj (by its constructor) but absent on the wire."""
    from oslo_versionedobjects import base as ovo_base
    data = primitive[DATA]
    for name in obj.fields:
        if not obj.obj_attr_is_set(name):
            continue
        if name not in data:
            delattr(obj, ovo_base._get_attrname(name))
            found.append("%s.%s" % (obj.obj_name(), name))
            continue
        value = getattr(obj, name)
        if isinstance(value, ovo_base.VersionedObject):
            unset_injected(value, data[name], found)
        elif isinstance(value, list):
            for item, item_prim in zip(value, data[name]):
                if isinstance(item, ovo_base.VersionedObject):
                    unset_injected(item, item_prim, found)


def roundtrip_one(path):
    """(reason or None, notes): None if read + write gives the input back."""
    from os_vif.objects import base as osv_base
    with open(path) as f:
        primitive = json.load(f)
    notes = []
    try:
        obj = osv_base.VersionedObject.obj_from_primitive(primitive)
    except Exception as exc:
        return "cannot read: %s: %s" % (type(exc).__name__, exc), notes
    unset_injected(obj, primitive, notes)
    try:
        again = obj.obj_to_primitive()
    except Exception as exc:
        return "cannot write: %s: %s" % (type(exc).__name__, exc), notes
    return first_difference(normalise(primitive), normalise(again)), notes


def cmd_roundtrip(directory):
    names = sorted(n for n in os.listdir(directory)
                   if n.endswith(".json") and n != "index.json")
    failed = 0
    for name in names:
        reason, notes = roundtrip_one(os.path.join(directory, name))
        if reason:
            failed += 1
            print("FAIL %s: %s" % (name, reason))
        elif notes:
            print("OK   %s (ignored constructor defaults: %s)"
                  % (name, ", ".join(sorted(set(notes)))))
        else:
            print("OK   %s" % name)
    print("%d passed, %d failed" % (len(names) - failed, failed))
    return 1 if failed else 0


def cmd_write(directory):
    os.makedirs(directory, exist_ok=True)
    count = 0
    for case, table in generate_golden.builders().items():
        for name, build in table.items():
            obj = build()
            fname = "%s.%s.%s.json" % (name, case, obj.VERSION)
            with open(os.path.join(directory, fname), "w") as f:
                f.write(generate_golden.canonical(obj.obj_to_primitive()))
            count += 1
    print("wrote %d primitives to %s" % (count, directory))
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        print("%s: error: %s" % (self.prog, message), file=sys.stderr)
        sys.exit(2)


def main(argv=None):
    parser = _Parser(description="os-vif wire-compatibility helper")
    parser.add_argument("command", choices=("roundtrip", "write"))
    parser.add_argument("dir")
    parser.add_argument("--upstream", default="5.1",
                        choices=osvif51.UPSTREAMS,
                        help="object definitions to use (default 5.1)")
    args = parser.parse_args(argv)
    if args.command == "roundtrip" and not os.path.isdir(args.dir):
        parser.error("not a directory: %s" % args.dir)
    osvif51.load(args.upstream)
    if args.command == "roundtrip":
        return cmd_roundtrip(args.dir)
    return cmd_write(args.dir)


if __name__ == "__main__":
    sys.exit(main())
