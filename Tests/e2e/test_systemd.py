# SPDX-License-Identifier: Apache-2.0
"""systemd: the unit file passes `systemd-analyze verify`; the relay speaks the sd_notify protocol
(READY=1 once it listens, WATCHDOG=1 pings, STOPPING=1 on SIGTERM) to a socket this test listens
on; and it serves, exports and drains inside the sandbox the unit asks for (its SystemCallFilter,
RestrictAddressFamilies and MemoryDenyWriteExecute rebuilt with seccomp as systemd 252 does, plus
the kernel's PR_SET_MDWE), since a container has no systemd as PID 1 to run the unit itself.

This file is also the sandbox launcher: `python3 test_systemd.py --sandbox SPEC.json -- COMMAND...`
loads the filters described in SPEC.json and execs COMMAND (so the relay keeps the process id).
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

UNIT = Path(__file__).resolve().parents[2] / "systemd" / "goff-relay.service"
INSTALLED_BIN = "/usr/local/bin/goff-relay"

# The integrator's side: Sources/goff-relay must call SystemdNotifier.ready() from the server's
# onListening callback and run SystemdWatchdogService and SystemdStoppingService in its ServiceGroup.
NOTIFY_WIRED = True
NOT_WIRED = ("the relay does not send sd_notify messages yet: Sources/goff-relay/RelayProcess.swift must "
             "call SystemdNotifier.ready() in onListening and add SystemdWatchdogService (first) and "
             "SystemdStoppingService (last) to its ServiceGroup; then set NOTIFY_WIRED = True")


def unit_settings(path: Path) -> dict[str, list[str]]:
    """Every `Key=value` of a unit file, values in file order (sections ignored: keys are unique)."""
    settings: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        settings.setdefault(key.strip(), []).append(value.strip())
    return settings


def seconds(value: str) -> float:
    units = {"": 1, "s": 1, "sec": 1, "ms": 0.001, "min": 60, "m": 60}
    match = re.fullmatch(r"(\d+)\s*([a-z]*)", value)
    assert match and match.group(2) in units, f"unexpected time span {value!r}"
    return int(match.group(1)) * units[match.group(2)]


# ------------------------------------------------------------------------------------------------
# the sandbox (launcher side: runs in the process that then execs the relay)

SCMP_ACT_ALLOW = 0x7FFF0000
SCMP_CMP_EQ = 4
SCMP_CMP_MASKED_EQ = 7
PROT_WRITE, PROT_EXEC, SHM_EXEC = 0x2, 0x4, 0o100000
PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN = 65, 1


class ArgCmp(ctypes.Structure):
    _fields_ = [("arg", ctypes.c_uint), ("op", ctypes.c_int),
                ("datum_a", ctypes.c_uint64), ("datum_b", ctypes.c_uint64)]


def scmp_errno(code: int) -> int:
    return 0x00050000 | (code & 0xFFFF)


def load_filter(lib, default_action: int, rules: list[tuple[int, str, list[tuple[int, int, int, int]]]]):
    """One seccomp filter; stacked filters all apply, the strictest answer wins (as in systemd)."""
    ctx = lib.seccomp_init(default_action)
    assert ctx, "seccomp_init failed"
    for action, name, conditions in rules:
        number = lib.seccomp_syscall_resolve_name(name.encode())
        if number < 0:
            continue  # not a system call on this architecture
        array = (ArgCmp * max(len(conditions), 1))(*[ArgCmp(*c) for c in conditions])
        result = lib.seccomp_rule_add_array(ctx, action, number, len(conditions), array)
        assert result == 0, f"seccomp_rule_add {name}: {result}"
    assert lib.seccomp_load(ctx) == 0, "seccomp_load failed"
    lib.seccomp_release(ctx)


def enter_sandbox(spec: dict) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if spec["mdwe"]:
        libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0)  # EINVAL before Linux 6.3: ignored
    lib = ctypes.CDLL("libseccomp.so.2", use_errno=True)
    lib.seccomp_init.restype = ctypes.c_void_p
    lib.seccomp_init.argtypes = [ctypes.c_uint32]
    lib.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
    lib.seccomp_rule_add_array.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int, ctypes.c_uint,
                                           ctypes.POINTER(ArgCmp)]
    lib.seccomp_load.argtypes = [ctypes.c_void_p]
    lib.seccomp_release.argtypes = [ctypes.c_void_p]
    # RestrictAddressFamilies=: socket() with another family fails with EAFNOSUPPORT.
    load_filter(lib, SCMP_ACT_ALLOW, [(scmp_errno(97), "socket", [(0, SCMP_CMP_EQ, family, 0)])
                                      for family in range(64) if family not in spec["families"]])
    # MemoryDenyWriteExecute=: no W+X mapping, no mprotect to executable, no executable shm.
    if spec["mdwe"]:
        both = PROT_WRITE | PROT_EXEC
        load_filter(lib, SCMP_ACT_ALLOW, [
            (scmp_errno(1), "mmap", [(2, SCMP_CMP_MASKED_EQ, both, both)]),
            (scmp_errno(1), "mprotect", [(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC)]),
            (scmp_errno(1), "pkey_mprotect", [(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC)]),
            (scmp_errno(1), "shmat", [(2, SCMP_CMP_MASKED_EQ, SHM_EXEC, SHM_EXEC)]),
        ])
    # SystemCallFilter= allow list, last: it forbids seccomp() itself. Anything else fails with
    # SystemCallErrorNumber=.
    load_filter(lib, scmp_errno(spec["errno"]), [(SCMP_ACT_ALLOW, name, []) for name in spec["allow"]])


def syscall_groups() -> dict[str, list[str]]:
    """`systemd-analyze syscall-filter`: each @group and its members (names and nested @groups)."""
    out = subprocess.run(["systemd-analyze", "syscall-filter"], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    groups: dict[str, list[str]] = {}
    current = None
    for line in out.splitlines():
        if line.startswith("@"):
            current = groups.setdefault(line.strip(), [])
        elif line.startswith("#"):
            current = None
        elif current is not None and line.strip() and not line.strip().startswith("#"):
            current.append(line.strip())
    return groups


def sandbox_spec(settings: dict[str, list[str]]) -> dict:
    """What systemd would enforce for this unit: the first SystemCallFilter= is the allow list, later
    `~` ones take calls out of it; families by name; MemoryDenyWriteExecute=."""
    groups = syscall_groups()

    def expand(names: list[str]) -> set[str]:
        out: set[str] = set()
        for name in names:
            out |= expand(groups[name]) if name.startswith("@") else {name}
        return out

    filters = settings["SystemCallFilter"]
    assert not filters[0].startswith("~"), "expected an allow list first"
    allow = expand(filters[0].split())
    for entry in filters[1:]:
        assert entry.startswith("~"), entry
        allow -= expand(entry[1:].split())
    families = [getattr(socket, name) for name in settings["RestrictAddressFamilies"][0].split()]
    number = settings.get("SystemCallErrorNumber", ["EPERM"])[0]
    return {"allow": sorted(allow), "families": families, "errno": getattr(__import__("errno"), number),
            "mdwe": settings.get("MemoryDenyWriteExecute") == ["yes"]}


if __name__ == "__main__" and sys.argv[1:2] == ["--sandbox"]:
    separator = sys.argv.index("--")
    enter_sandbox(json.loads(Path(sys.argv[2]).read_text()))
    os.execv(sys.argv[separator + 1], sys.argv[separator + 1:])

# ------------------------------------------------------------------------------------------------
# the tests

import pytest  # noqa: E402  (after the launcher, which needs none of this)

import eventgen  # noqa: E402
import harness  # noqa: E402


def require_systemd_analyze() -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is missing: install Debian's `systemd` package (.ci/run does)")


def verifiable_copy(directory: Path, relay_bin: Path, extra: str = "") -> Path:
    """verify checks that ExecStart's program exists and is executable; the unit names the installed
    /usr/local/bin/goff-relay, which a build machine does not have. So a copy is verified, named like
    the original (verify wants a .service name), with only that path replaced by the built binary."""
    text = UNIT.read_text(encoding="utf-8")
    assert f"ExecStart={INSTALLED_BIN} " in text
    directory.mkdir(parents=True, exist_ok=True)
    copy = directory / UNIT.name
    copy.write_text(text.replace(f"ExecStart={INSTALLED_BIN} ", f"ExecStart={relay_bin} ") + extra,
                    encoding="utf-8")
    return copy


def verify(unit: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)


def test_unit_file_verifies(tmp_path, relay_bin):
    require_systemd_analyze()
    done = verify(verifiable_copy(tmp_path / "unit", relay_bin))
    # verify exits 0 on unknown keys and unparsable values (it only warns): silence is the pass.
    assert done.returncode == 0 and done.stdout + done.stderr == "", done.stdout + done.stderr
    # ...which the negative control shows: the same check sees a misspelt key.
    typo = verify(verifiable_copy(tmp_path / "typo", relay_bin, extra="ProtectSytem=strict\n"))
    assert "ProtectSytem" in typo.stdout + typo.stderr


def test_unit_file_settings():
    settings = unit_settings(UNIT)
    single = {key: values[-1] for key, values in settings.items()}
    assert single["Type"] == "notify" and single["NotifyAccess"] == "main"
    assert single["ExecStart"] == f"{INSTALLED_BIN} run --config /etc/opt/goff/goff-proxy.yaml"
    assert single["StateDirectory"] == "goff-relay"
    assert single["WorkingDirectory"] == "/var/lib/goff-relay"  # so dataDir ./data lands in it
    assert single["DynamicUser"] == "yes" and single["CapabilityBoundingSet"] == ""
    assert single["Restart"] == "on-failure"
    for key in ("ProtectSystem", "ProtectHome", "NoNewPrivileges", "PrivateTmp", "PrivateDevices",
                "LockPersonality", "MemoryDenyWriteExecute"):
        assert single[key] in ("yes", "strict"), key
    # shutdownGracePeriod (10 s) + requestTimeout (10 s), the defaults, must fit in TimeoutStopSec.
    assert seconds(single["TimeoutStopSec"]) > 10 + 10
    assert seconds(single["WatchdogSec"]) >= 10


def test_unit_security_exposure(tmp_path, relay_bin):
    require_systemd_analyze()
    done = subprocess.run(["systemd-analyze", "security", "--offline=yes", "--no-pager",
                           str(verifiable_copy(tmp_path, relay_bin))],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", done.stdout)
    assert match, done.stdout[-2000:] + done.stderr
    print(f"systemd-analyze security: exposure {match.group(1)}")
    assert float(match.group(1)) <= 2.0, done.stdout


class NotifySocket:
    """A datagram socket standing in for systemd's, with the sender's pid of every message."""

    def __init__(self):
        # sun_path holds 108 bytes: a short directory, not pytest's tmp_path.
        self.directory = Path(tempfile.mkdtemp(prefix="goff-sd-", dir="/tmp"))
        self.path = str(self.directory / "notify")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self.sock.bind(self.path)
        self.messages: list[tuple[int, str]] = []

    def receive(self, timeout: float) -> tuple[int, str] | None:
        self.sock.settimeout(timeout)
        try:
            data, ancillary, _, _ = self.sock.recvmsg(4096, socket.CMSG_SPACE(12))
        except (socket.timeout, BlockingIOError):
            return None
        pid = -1
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid = struct.unpack("iII", payload[:12])[0]
        message = (pid, data.decode("utf-8"))
        self.messages.append(message)
        return message

    def wait_for(self, line: str, count: int, timeout: float, process) -> None:
        deadline = time.monotonic() + timeout
        while sum(line in text.split("\n") for _, text in self.messages) < count:
            assert process.poll() is None, f"relay exited ({process.returncode}) before {count}× {line}"
            assert time.monotonic() < deadline, f"no {count}× {line} within {timeout} s: {self.messages}"
            self.receive(0.2)

    def drain(self) -> None:
        while self.receive(0.05) is not None:
            pass

    def close(self) -> None:
        self.sock.close()
        shutil.rmtree(self.directory, ignore_errors=True)


@pytest.fixture
def notify_socket():
    listener = NotifySocket()
    yield listener
    listener.close()


def offline_relay(relay_bin: Path, workdir: Path, extra_env: dict[str, str],
                  command: list[str] | None = None) -> harness.Relay:
    """The relay with a valid Kinesis exporter whose endpoint nothing listens on (nothing is sent)."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = {"server": {"host": "127.0.0.1", "port": harness.free_port()}, "logFormat": "json",
              "dataDir": str(workdir / "data"), "durability": "memory", "shutdownGracePeriod": 2000,
              "exporter": {"kind": "kinesis", "streamName": "x"}}
    env = harness.clean_env({
        "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
        "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "AWS_ENDPOINT_URL_KINESIS": "http://127.0.0.1:9", "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_CONFIG_FILE": str(workdir / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(workdir / "no-aws-credentials"), **extra_env})
    return harness.Relay(relay_bin, workdir, config, env,
                         args=["run", "--config", str(workdir / "goff-proxy.yaml")])


@pytest.mark.skipif(not NOTIFY_WIRED, reason=NOT_WIRED)
@pytest.mark.timeout_seconds(120)
def test_relay_sends_ready_watchdog_stopping(relay_bin, tmp_path, notify_socket):
    # WATCHDOG_USEC 400 ms: a ping every 200 ms.
    relay = offline_relay(relay_bin, tmp_path / "relay",
                          {"NOTIFY_SOCKET": notify_socket.path, "WATCHDOG_USEC": "400000"})
    try:
        notify_socket.wait_for("READY=1", 1, timeout=60, process=relay.process)
        # READY=1 promises a listening port: /health answers at once, no retry.
        health = harness.http_request(relay.port, "GET", "/health", timeout=10)
        assert (health.status, health.json()) == (200, {"initialized": True}), relay.output_tail()
        notify_socket.wait_for("WATCHDOG=1", 3, timeout=60, process=relay.process)
        code = relay.terminate(timeout=60)
    finally:
        relay.kill()
    notify_socket.drain()
    messages = notify_socket.messages
    lines = [line for _, text in messages for line in text.split("\n")]
    assert code == 0, relay.output_tail()
    # NotifyAccess=main: systemd only listens to the main process, the one it started.
    assert {pid for pid, _ in messages} == {relay.process.pid}, messages
    assert lines.count("READY=1") == 1 and lines.count("STOPPING=1") == 1, messages
    assert lines.index("READY=1") < lines.index("STOPPING=1"), messages
    assert all(re.fullmatch(r"(READY|STOPPING|WATCHDOG)=1|STATUS=[^\n]*", line) for line in lines), messages


PROBE = """
import errno, mmap, os, socket
def refused(action):
    try:
        action()
    except OSError as error:
        return errno.errorcode[error.errno]
    return "allowed"
print(refused(lambda: mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)))
print(refused(lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW)))
print(refused(lambda: os.chroot("/")))
print(refused(lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM).close()))
"""


def sandbox_spec_file(directory: Path) -> Path:
    require_systemd_analyze()
    spec = sandbox_spec(unit_settings(UNIT))
    assert spec["mdwe"] and "execve" in spec["allow"] and "reboot" not in spec["allow"]
    path = directory / "sandbox.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def test_unit_sandbox_refuses_what_the_unit_forbids(tmp_path):
    """The control for the next test: the rebuilt sandbox does refuse W+X memory, a netlink socket,
    and a @privileged call (chroot, allowed to root outside); an AF_INET6 socket is still fine."""
    spec = sandbox_spec_file(tmp_path)
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--sandbox", str(spec), "--",
                           sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["EPERM", "EAFNOSUPPORT", "EPERM", "allowed"], done.stderr


@pytest.mark.timeout_seconds(240)
def test_relay_works_inside_the_unit_sandbox(relay_bin, tmp_path, moto, stream):
    spec_path = sandbox_spec_file(tmp_path)
    workdir = tmp_path / "relay"
    workdir.mkdir()
    config = harness.merged(
        {"server": {"host": "127.0.0.1", "port": harness.free_port()}, "logFormat": "json",
         "dataDir": str(workdir / "data"), "shutdownGracePeriod": 20000},  # the disk spool, fsync
        {"exporter": {"kind": "kinesis", "streamArn": stream.arn, "partitionKey": "default"}})
    env = harness.clean_env({
        "AWS_ACCESS_KEY_ID": moto.env["AWS_ACCESS_KEY_ID"],
        "AWS_SECRET_ACCESS_KEY": moto.env["AWS_SECRET_ACCESS_KEY"],
        "AWS_REGION": moto.env["AWS_REGION"], "AWS_ENDPOINT_URL_KINESIS": moto.endpoint,
        "AWS_EC2_METADATA_DISABLED": "true", "AWS_CONFIG_FILE": str(workdir / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(workdir / "no-aws-credentials")})
    launcher = [str(Path(__file__).resolve()), "--sandbox", str(spec_path), "--", str(relay_bin),
                "run", "--config", str(workdir / "goff-proxy.yaml")]
    relay = harness.Relay(Path(sys.executable), workdir, config, env, args=launcher)
    try:
        relay.wait_healthy(timeout=60)
        events = 300
        for start in range(0, events, 100):
            body = harness.events_body(eventgen.simple_events(100, start=start, tag="sandbox"))
            response = relay.post_events(body)
            assert response.status == 200, (response.status, response.body[:300], relay.output_tail())
        code = relay.terminate(timeout=60)
    finally:
        relay.kill()
    assert code == 0, relay.output_tail()
    records = stream.wait_for(events, timeout=30, settle=0)
    assert len(records) == events, relay.output_tail()
