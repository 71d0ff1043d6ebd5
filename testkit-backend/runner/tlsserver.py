#!/usr/bin/env python3
"""A stand-in for testkit's tlsserver (its Go program), with the same command line and behaviour.

Listens on -bind with the given certificate and TLS version range (and, with --clientCert, requires a client
certificate signed by that CA), prints one line once listening, accepts ONE connection, reads the 20-byte Bolt
handshake within 5 s, checks the magic 60 60 B0 17 and exits: 0 when a client connected over TLS with a correct
handshake, 255 (Go's os.Exit(-1)) on any failure. --disableTls listens in plain TCP instead.
"""
import argparse
import socket
import ssl
import sys

MAGIC = bytes([0x60, 0x60, 0xB0, 0x17])
VERSIONS = {0: ssl.TLSVersion.TLSv1, 1: ssl.TLSVersion.TLSv1_1, 2: ssl.TLSVersion.TLSv1_2, 3: ssl.TLSVersion.TLSv1_3}


def fail(error):
    print(error, flush=True)
    sys.exit(255)


def arguments(argv):
    # Go's flag package accepts -name and --name, "-name value" and "-name=value".
    parser = argparse.ArgumentParser(prefix_chars="-", allow_abbrev=False)
    for name in ("bind", "cert", "key", "clientCert", "minTls", "maxTls"):
        parser.add_argument("-" + name, "--" + name)
    parser.add_argument("-disableTls", "--disableTls", action="store_true")
    args = parser.parse_args(argv)
    args.bind = args.bind or "0.0.0.0:6666"
    args.minTls = int(args.minTls or 0)
    args.maxTls = int(args.maxTls or 2)
    return args


def tls_context(args):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if args.minTls < 2:
        # TLS 1.0/1.1 need OpenSSL's lowest security level to be offered at all (Go offers them when asked).
        context.set_ciphers("DEFAULT:@SECLEVEL=0")
    context.minimum_version = VERSIONS[args.minTls]
    context.maximum_version = VERSIONS[args.maxTls]
    context.load_cert_chain(args.cert, args.key)
    if args.clientCert:
        context.load_verify_locations(cafile=args.clientCert)
        context.verify_mode = ssl.CERT_REQUIRED
    return context


def main(argv):
    args = arguments(argv)
    host, port = args.bind.rsplit(":", 1)
    try:
        context = None if args.disableTls else tls_context(args)
        listener = socket.create_server((host, int(port)), reuse_port=False)
    except (OSError, ssl.SSLError, ValueError) as e:
        fail(e)
    if context is None:
        print("Listening on non-TLS %s" % args.bind, flush=True)
    else:
        print("TLS, listening on %s with cert %s" % (args.bind, args.cert), flush=True)
    with listener:
        conn, peer = listener.accept()
    conn.settimeout(5)
    print("TLS, client connected from %s:%d, waiting for Bolt handshake" % peer[:2], flush=True)
    try:
        if context is not None:
            conn = context.wrap_socket(conn, server_side=True)
        handshake = b""
        while len(handshake) < 20:
            chunk = conn.recv(20 - len(handshake))
            if not chunk:
                raise EOFError("connection closed after %d bytes" % len(handshake))
            handshake += chunk
    except (OSError, ssl.SSLError, EOFError) as e:
        print("Failed to receive Bolt handshake", flush=True)
        fail(e)
    finally:
        conn.close()
    if handshake[:4] != MAGIC:
        fail("Bad Bolt handshake")
    print("Client connected with correct Bolt handshake", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
