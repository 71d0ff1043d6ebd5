"""A network namespace of the run's own, so testkit's tests that dial "this machine's own address" stay inside it.

testkit's routing tests ask ifaddr for the machine's non-loopback addresses and make the driver dial one. Inside
the namespace made here the only such address is 10.231.0.1 (IPv4 only: IPv6 is off there) on a veth pair whose
both ends live in the namespace:
traffic to it is delivered locally and never leaves. The backend learns from BOLTKT_TESTKIT_ISOLATED_NETWORK=1 that
those tests may run (SkipList.OWN_ADDRESS). Needs root and iproute2; the namespace is removed afterwards.
"""
import os
import subprocess
import sys

NAMESPACE = "boltkt-testkit"
ADDRESS = "10.231.0.1/24"
INSIDE = "BOLTKT_TESTKIT_ISOLATED_NETWORK"


def _ip(*args, check=True):
    return subprocess.run(["ip", *args], check=check, capture_output=True, text=True)


def create():
    _ip("netns", "del", NAMESPACE, check=False)
    _ip("netns", "add", NAMESPACE)
    # No IPv6 inside: a veth end's link-local address would count as a second "own address" for testkit, whose
    # tests needing two addresses then bind to it and fail (link-local addresses need a scope).
    for key in ("all", "default"):
        subprocess.run(["ip", "netns", "exec", NAMESPACE, "sysctl", "-qw", f"net.ipv6.conf.{key}.disable_ipv6=1"],
                       check=True, capture_output=True)
    _ip("-n", NAMESPACE, "link", "set", "lo", "up")
    _ip("-n", NAMESPACE, "link", "add", "tk0", "type", "veth", "peer", "name", "tk1")
    _ip("-n", NAMESPACE, "addr", "add", ADDRESS, "dev", "tk0")
    _ip("-n", NAMESPACE, "link", "set", "tk0", "up")
    _ip("-n", NAMESPACE, "link", "set", "tk1", "up")


def rerun_inside(argv):
    """Runs this runner again inside a fresh namespace with argv; returns its exit code."""
    create()
    try:
        env = dict(os.environ, **{INSIDE: "1"})
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run_testkit.py")
        return subprocess.run(["ip", "netns", "exec", NAMESPACE, sys.executable, script, *argv], env=env).returncode
    finally:
        _ip("netns", "del", NAMESPACE, check=False)
