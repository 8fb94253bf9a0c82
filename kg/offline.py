"""Cut a process off the network, so a query it runs cannot call another server whatever the query says.

The endpoint's query workers call `cut_network()` before they open the
store. The first way that works is used:

- `namespace`: a new network namespace (Linux, as root) holds only a
  loopback interface that is down, so no address, local or remote, can be
  reached;
- `user-namespace`: the same through an unprivileged user namespace;
- `seccomp`: a seccomp filter makes every IPv4/IPv6 socket (and io_uring,
  which could open one) fail with EACCES (Linux on x86-64 or AArch64).

The parse check in `kg.query.inspect` is the first wall; this is the second.
"""
from __future__ import annotations

import ctypes
import os
import platform
import struct

CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000
METHODS = ("namespace", "user-namespace", "seccomp")
_state = {"method": ""}  # how this process was cut off, once it is

# seccomp: audit architecture and the numbers of socket() and io_uring_setup() per machine
_ARCH = {"x86_64": (0xC000003E, 41, 425), "aarch64": (0xC00000B7, 198, 425)}
_AF_INET, _AF_INET6, _EACCES = 2, 10, 13
_LD_W_ABS, _JEQ_K, _RET_K = 0x20, 0x15, 0x06
_RET_ALLOW, _RET_ERRNO = 0x7FFF0000, 0x00050000
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _unshare(flags: int) -> None:
    if _libc().unshare(flags) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno))


def _seccomp() -> None:
    arch = _ARCH.get(platform.machine())
    if arch is None:
        raise OSError(f"no seccomp filter for {platform.machine()}")
    audit, socket_nr, uring_nr = arch

    def op(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
        return struct.pack("HBBI", code, jt, jf, k)

    program = b"".join([
        op(_LD_W_ABS, 4),                      # 0: arch
        op(_JEQ_K, audit, 0, 8),               # 1: another ABI: allow (10)
        op(_LD_W_ABS, 0),                      # 2: syscall number
        op(_JEQ_K, uring_nr, 5, 0),            # 3: io_uring_setup: refuse (9)
        op(_JEQ_K, socket_nr, 0, 5),           # 4: not socket(): allow (10)
        op(_LD_W_ABS, 16),                     # 5: socket()'s family
        op(_JEQ_K, _AF_INET, 2, 0),            # 6: IPv4: refuse (9)
        op(_JEQ_K, _AF_INET6, 1, 0),           # 7: IPv6: refuse (9)
        op(_RET_K, _RET_ALLOW),                # 8: other families (the pipes to the server): allow
        op(_RET_K, _RET_ERRNO | _EACCES),      # 9: refuse
        op(_RET_K, _RET_ALLOW),                # 10: allow
    ])
    count = len(program) // 8
    buffer = ctypes.create_string_buffer(program)
    fprog = struct.pack("HxxxxxxQ", count, ctypes.addressof(buffer))
    fbuffer = ctypes.create_string_buffer(fprog)
    libc = _libc()
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER,
                                                                        ctypes.addressof(fbuffer), 0, 0) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"seccomp: {os.strerror(errno)}")


def cut_network(methods: tuple[str, ...] = METHODS) -> str:
    """Take this process off the network by the first of `methods` that works; return its name.

    Raises OSError listing why each failed. Only the calling process and the
    threads and children it starts afterwards are affected.
    """
    reasons = []
    for method in methods:
        try:
            if method == "namespace":
                _unshare(CLONE_NEWNET)
            elif method == "user-namespace":
                _unshare(CLONE_NEWUSER | CLONE_NEWNET)
            elif method == "seccomp":
                _seccomp()
            else:
                raise OSError(f"unknown method {method}")
            _state["method"] = method
            return method
        except (OSError, AttributeError) as exc:
            reasons.append(f"{method}: {exc}")
    raise OSError("cannot cut the network off: " + "; ".join(reasons))


def is_offline() -> str:
    """How this process was cut off from the network by `cut_network`, or '' if it was not."""
    return _state["method"]
