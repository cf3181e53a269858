#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Run moto's HTTP server with every request handled under one process-wide lock.

Why: moto's Kinesis backend is not thread-safe. With the stock threaded `moto_server`, two
PutRecords calls that hit the same shard at the same time can be given the same sequence
number, and one record silently replaces the other (FailedRecordCount stays 0). Handling one
request at a time removes that race; connections are still accepted on many threads, so
keep-alive clients do not block each other while they are idle.

Usage (normally through scripts/local-kinesis):
    moto_serialized.py [--host 127.0.0.1] [--port 0] [--port-file F] [--pid-file F]
                       [--no-auth-calls N]

--port 0 lets the kernel choose a free port; the port actually bound is written to
--port-file (atomically) once the socket listens. --no-auth-calls N sets moto's
INITIAL_NO_AUTH_ACTION_COUNT: the first N AWS actions are not authenticated, every later one
must carry a valid SigV4 signature of an IAM key that exists in this moto and be allowed by
that user's policy. The value must be set before moto is imported, which is why it is an
option here and not left to the caller's environment.
"""

import argparse
import ipaddress
import os
import signal
import sys
import threading


def write_atomically(path: str, text: str) -> None:
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="ascii") as handle:
        handle.write(text)
    os.replace(tmp, path)


class OneAtATime:
    """WSGI middleware: runs the wrapped application, body included, under a single lock."""

    def __init__(self, app):
        self._app = app
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self._lock:
            result = self._app(environ, start_response)
            try:
                chunks = [bytes(chunk) for chunk in result]
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()
        return chunks


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    parser.add_argument("--pid-file")
    parser.add_argument("--no-auth-calls", default=None,
                        help="INITIAL_NO_AUTH_ACTION_COUNT (default: inherit; moto's default is inf)")
    args = parser.parse_args(argv)
    try:
        loopback = ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        parser.error(f"--host must be a loopback address, not {args.host!r}")
    return args


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.no_auth_calls is not None:
        os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = str(args.no_auth_calls)

    # Imported only now: moto reads INITIAL_NO_AUTH_ACTION_COUNT at import time.
    from werkzeug.serving import make_server
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

    app = OneAtATime(DomainDispatcherApplication(create_backend_app))
    server = make_server(args.host, args.port, app, threaded=True)
    port = server.server_port
    os.environ["MOTO_PORT"] = str(port)  # moto builds some URLs from it

    def stop(signum, _frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.pid_file:
        write_atomically(args.pid_file, f"{os.getpid()}\n")
    if args.port_file:
        write_atomically(args.port_file, f"{port}\n")
    print(f"moto_serialized: pid {os.getpid()} listening on http://{args.host}:{port} "
          f"(INITIAL_NO_AUTH_ACTION_COUNT={os.environ.get('INITIAL_NO_AUTH_ACTION_COUNT', 'inf')})",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
