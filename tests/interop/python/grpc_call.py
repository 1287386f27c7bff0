"""Calls one gRPC method from the command line, with messages built from a descriptor set.

    /usr/bin/python3 grpc_call.py --descriptor-set grains.pb --target 127.0.0.1:5050 \\
        nordeaconnect.grains.v1.Transactions/Get --data '{"id": "..."}' \\
        --header 'authorization: Bearer dev-token'

Add --ca server-cert.pem to call a server that has a certificate configured (TLS, ALPN h2).

Make the descriptor set with ../descriptor-set.sh. Unary and server-streaming methods: each response is
printed as one JSON line on stdout. A failed call prints "ERROR <STATUS>: <details>" (and its trailers) on
stderr and exits with 1.
"""

import argparse
import sys

import grpc
from google.protobuf import json_format

from descriptor_messages import DescriptorMessages


def parse_header(text):
    name, sep, value = text.partition(":")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError("--header %r must look like 'name: value'" % text)
    name = name.strip().lower()
    value = value.strip()
    # Binary metadata travels as bytes; the CLI takes it as text and encodes it as UTF-8.
    return (name, value.encode("utf-8") if name.endswith("-bin") else value)


def to_json(message):
    return json_format.MessageToJson(message, preserving_proto_field_name=True, indent=None)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("method", help="package.Service/Method")
    parser.add_argument("--descriptor-set", required=True, help="FileDescriptorSet holding the service's protos")
    parser.add_argument("--target", required=True, help="host:port")
    parser.add_argument("--data", default="{}", help="the request message as JSON (proto field names)")
    parser.add_argument("--header", action="append", default=[], type=parse_header, help="metadata 'name: value' (repeatable)")
    parser.add_argument("--timeout", type=float, default=None, help="deadline in seconds")
    parser.add_argument("--ca", default=None, help="PEM file of the CA (or self-signed certificate) to trust: call over TLS")
    parser.add_argument("--show-metadata", action="store_true", help="print response headers and trailers on stderr")
    args = parser.parse_args()

    service_name, sep, method_name = args.method.lstrip("/").partition("/")
    if not sep or not method_name:
        parser.error("method %r must look like package.Service/Method" % args.method)

    messages = DescriptorMessages(args.descriptor_set)
    try:
        method = messages.pool.FindServiceByName(service_name).methods_by_name[method_name]
    except KeyError:
        parser.error("%s is not in %s" % (args.method, args.descriptor_set))
    if method.client_streaming:
        parser.error("%s streams requests, which this tool does not support" % args.method)

    request = json_format.Parse(args.data, messages.message(method.input_type.full_name)())
    response_type = messages.message(method.output_type.full_name)
    path = "/%s/%s" % (service_name, method_name)
    if args.ca:
        with open(args.ca, "rb") as f:
            channel = grpc.secure_channel(args.target, grpc.ssl_channel_credentials(root_certificates=f.read()))
    else:
        channel = grpc.insecure_channel(args.target)
    with channel:
        factory = channel.unary_stream if method.server_streaming else channel.unary_unary
        stub = factory(path, request_serializer=lambda m: m.SerializeToString(), response_deserializer=response_type.FromString)
        try:
            if method.server_streaming:
                call = stub(request, metadata=args.header, timeout=args.timeout)
                for response in call:
                    print(to_json(response), flush=True)
            else:
                response, call = stub.with_call(request, metadata=args.header, timeout=args.timeout)
                print(to_json(response), flush=True)
            if args.show_metadata:
                print("headers: %r" % (tuple(call.initial_metadata()),), file=sys.stderr)
                print("trailers: %r" % (tuple(call.trailing_metadata()),), file=sys.stderr)
        except grpc.RpcError as e:
            print("ERROR %s: %s" % (e.code().name, e.details()), file=sys.stderr)
            trailers = e.trailing_metadata() or ()
            for key, value in trailers:
                print("trailer %s: %r" % (key, value), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
