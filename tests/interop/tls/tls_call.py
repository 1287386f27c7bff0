#!/usr/bin/env python3
"""Calls the gateway's TLS port with python3-grpcio (C-core), trusting only the test CA.

Prints PASS/FAIL lines: health over TLS, a token refused without authorization, a read past authentication.
Messages are written as raw protobuf bytes, so no generated code is needed.
usage: tls_call.py --target 127.0.0.1:P --ca ca.pem --token T
"""
import argparse
import sys

import grpc


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--token", required=True)
    args = parser.parse_args()
    with open(args.ca, "rb") as f:
        credentials = grpc.ssl_channel_credentials(root_certificates=f.read())
    failures = 0
    identity = lambda b: b
    with grpc.secure_channel(args.target, credentials) as channel:
        grpc.channel_ready_future(channel).result(timeout=20)
        check = channel.unary_unary("/grpc.health.v1.Health/Check", request_serializer=identity, response_deserializer=identity)
        answer = check(b"", timeout=10)
        # HealthCheckResponse { status: SERVING (1) } is 08 01.
        failures += report("health_over_tls", answer == b"\x08\x01", repr(answer))

        get = channel.unary_unary("/nordeaconnect.grains.v1.Transactions/Get", request_serializer=identity, response_deserializer=identity)
        try:
            get(b"\x08\x01", timeout=10)
            failures += report("unauthenticated_without_token", False, "answered OK")
        except grpc.RpcError as error:
            trailers = dict(error.trailing_metadata() or [])
            failures += report("unauthenticated_without_token", error.code() == grpc.StatusCode.UNAUTHENTICATED and trailers.get("nc-result-code") == "100.400.401", str(error.code()))

        try:
            get(b"\x08\xb1\xd1\xf9\xd6\x03", metadata=[("authorization", "Bearer " + args.token)], timeout=10)
            failures += report("read_with_token", True, "")
        except grpc.RpcError as error:
            failures += report("read_with_token", error.code() not in (grpc.StatusCode.UNAUTHENTICATED, grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.UNAVAILABLE), str(error.code()))
    return 1 if failures else 0


def report(name, ok, detail):
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + detail), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
