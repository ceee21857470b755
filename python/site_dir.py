#!/usr/bin/env python3
"""Prints where `cmake --install --prefix PREFIX` puts the module, relative to PREFIX, for the
interpreter that runs this script.

When the interpreter's own folder of platform-specific packages (sysconfig's "platlib") lies under
PREFIX, that folder, so that `import frnews` works without PYTHONPATH: with Debian's python3 and
the prefix /usr/local, lib/python3.11/dist-packages; in a virtual environment or a pyenv
installation with its own prefix, lib/python3.11/site-packages. Under any other prefix, the
layout Python uses for a prefix (scheme posix_prefix, or nt on Windows), for PYTHONPATH to name.

    python3 site_dir.py PREFIX
"""
import os
import sys
import sysconfig


def site_dir(prefix):
    prefix = os.path.abspath(prefix)
    platlib = os.path.abspath(sysconfig.get_path("platlib"))
    if os.path.commonpath([platlib, prefix]) == prefix:
        return os.path.relpath(platlib, prefix)
    scheme = "nt" if os.name == "nt" else "posix_prefix"
    return os.path.relpath(sysconfig.get_path("platlib", scheme, vars={"base": prefix, "platbase": prefix}),
                           prefix)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: site_dir.py PREFIX")
    print(site_dir(sys.argv[1]).replace(os.sep, "/"))
