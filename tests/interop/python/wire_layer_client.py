"""Drives the wire layer's test EchoService with Debian's python3-grpcio.

Run with /usr/bin/python3. Prints one line per scenario, "PASS <name>" or "FAIL <name>: <why>",
and exits non-zero when any scenario failed. The .NET test that starts the server asserts on these
lines and checks the server-side half (cancellation observed) through the tags it passes in.
"""

import argparse
import sys
import traceback

import grpc

from descriptor_messages import DescriptorMessages

ECHO = "nordeaconnect.grpc.testing.v1.EchoService"
PKG = "nordeaconnect.grpc.testing.v1."
HEALTH = "grpc.health.v1.Health"


class Scenarios:
    def __init__(self, channel, messages, args):
        self.channel = channel
        self.m = messages
        self.args = args

    def unary(self, service, method, request_type, response_type):
        return self.channel.unary_unary(
            self.m.method_path(service, method),
            request_serializer=lambda msg: msg.SerializeToString(),
            response_deserializer=self.m.message(response_type).FromString,
        )

    def stream(self, service, method, response_type):
        return self.channel.unary_stream(
            self.m.method_path(service, method),
            request_serializer=lambda msg: msg.SerializeToString(),
            response_deserializer=self.m.message(response_type).FromString,
        )

    def msg(self, name, **fields):
        return self.m.message(name)(**fields)

    # --- scenarios -------------------------------------------------------------------------

    def unary_echo(self):
        echo = self.unary(ECHO, "Echo", PKG + "EchoRequest", PKG + "EchoReply")
        reply = echo(self.msg(PKG + "EchoRequest", message="hej världen", payload=b"\x00\x01\xff"), timeout=10)
        expect(reply.message == "hej världen", "message %r" % reply.message)
        expect(reply.payload == b"\x00\x01\xff", "payload %r" % reply.payload)

    def gzip_request(self):
        echo = self.unary(ECHO, "Echo", PKG + "EchoRequest", PKG + "EchoReply")
        reply = echo(
            self.msg(PKG + "EchoRequest", message="z" * 2000),
            timeout=10,
            compression=grpc.Compression.Gzip,
        )
        expect(reply.message == "z" * 2000, "gzip round trip lost the message")
        expect(reply.request_encoding == "gzip", "request was sent with grpc-encoding %r" % reply.request_encoding)

    def metadata_round_trip(self):
        echo = self.unary(ECHO, "Echo", PKG + "EchoRequest", PKG + "EchoReply")
        metadata = (("echo-text", "value 1"), ("echo-data-bin", b"\x00\xc8\n\r,"), ("x-plain", "p"))
        reply, call = echo.with_call(self.msg(PKG + "EchoRequest", message="m"), metadata=metadata, timeout=10)
        received = set(reply.received_metadata)
        expect("x-plain=p" in received, "server did not see x-plain: %r" % received)
        expect("echo-data-bin=AMgKDSw=" in received, "server did not see echo-data-bin: %r" % received)
        headers = dict(call.initial_metadata())
        trailers = dict(call.trailing_metadata())
        expect(headers.get("echo-text") == "value 1", "headers %r" % headers)
        expect(headers.get("echo-data-bin") == b"\x00\xc8\n\r,", "headers %r" % headers)
        expect(trailers.get("echo-text") == "value 1", "trailers %r" % trailers)
        expect(trailers.get("echo-data-bin") == b"\x00\xc8\n\r,", "trailers %r" % trailers)

    def deadline_exceeded(self):
        slow = self.unary(ECHO, "Slow", PKG + "SlowRequest", PKG + "EchoReply")
        try:
            slow(self.msg(PKG + "SlowRequest", tag=self.args.deadline_tag), timeout=1.5)
        except grpc.RpcError as e:
            expect(e.code() == grpc.StatusCode.DEADLINE_EXCEEDED, "code %s" % e.code())
            return
        fail("the call returned instead of exceeding its deadline")

    def cancellation(self):
        slow = self.unary(ECHO, "Slow", PKG + "SlowRequest", PKG + "EchoReply")
        future = slow.future(self.msg(PKG + "SlowRequest", tag=self.args.cancel_tag), timeout=30)
        # Cancel only once the call runs on the server, so the server-side check has a running call to see end.
        await_started = self.channel.unary_unary(
            "/nordeaconnect.grpc.testing.v1.Delegates/AwaitStarted",
            request_serializer=lambda msg: msg.SerializeToString(),
            response_deserializer=self.m.message(PKG + "EchoReply").FromString,
        )
        await_started(self.msg(PKG + "EchoRequest", message=self.args.cancel_tag), timeout=20)
        future.cancel()
        expect(future.cancelled(), "future not cancelled")

    def server_streaming(self):
        count = self.stream(ECHO, "Count", PKG + "CountReply")
        call = count(self.msg(PKG + "CountRequest", count=25), timeout=10)
        indexes = [reply.index for reply in call]
        expect(indexes == list(range(25)), "indexes %r" % indexes)
        expect(call.code() == grpc.StatusCode.OK, "code %s" % call.code())

    def streaming_cancellation(self):
        count = self.stream(ECHO, "Count", PKG + "CountReply")
        call = count(self.msg(PKG + "CountRequest", until_cancelled=True, delay_ms=10, tag=self.args.stream_cancel_tag), timeout=30)
        first = next(call)
        second = next(call)
        expect((first.index, second.index) == (0, 1), "indexes %r" % ((first.index, second.index),))
        call.cancel()
        expect(call.code() == grpc.StatusCode.CANCELLED, "code %s" % call.code())

    def error_trailers_only(self):
        fail_method = self.unary(ECHO, "Fail", PKG + "FailRequest", PKG + "EchoReply")
        detail = "refund beyond captured: 100% ≠ 50 %"
        try:
            fail_method(self.msg(PKG + "FailRequest", code=9, message=detail), timeout=10)
        except grpc.RpcError as e:
            expect(e.code() == grpc.StatusCode.FAILED_PRECONDITION, "code %s" % e.code())
            expect(e.details() == detail, "details %r" % e.details())
            trailers = dict(e.trailing_metadata())
            expect(trailers.get("error-detail-bin") == b"\x00\x01\x02\xff", "trailers %r" % trailers)
            return
        fail("the call succeeded")

    def unknown_exception_hidden(self):
        crash = self.unary(ECHO, "Crash", PKG + "EchoRequest", PKG + "EchoReply")
        try:
            crash(self.msg(PKG + "EchoRequest"), timeout=10)
        except grpc.RpcError as e:
            expect(e.code() == grpc.StatusCode.UNKNOWN, "code %s" % e.code())
            expect("hunter2" not in (e.details() or ""), "secret leaked")
            return
        fail("the call succeeded")

    def unimplemented(self):
        missing = self.channel.unary_unary(
            "/no.such.Service/Method",
            request_serializer=lambda msg: msg.SerializeToString(),
            response_deserializer=self.m.message(PKG + "EchoReply").FromString,
        )
        try:
            missing(self.msg(PKG + "EchoRequest"), timeout=10)
        except grpc.RpcError as e:
            expect(e.code() == grpc.StatusCode.UNIMPLEMENTED, "code %s" % e.code())
            return
        fail("the call succeeded")

    def resource_exhausted(self):
        large = self.unary(ECHO, "Large", PKG + "LargeRequest", PKG + "EchoReply")
        try:
            large(self.msg(PKG + "LargeRequest", payload_size=5 * 1024 * 1024), timeout=10)
        except grpc.RpcError as e:
            expect(e.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, "code %s" % e.code())
            return
        fail("the call succeeded")

    def health_check(self):
        check = self.unary(HEALTH, "Check", "grpc.health.v1.HealthCheckRequest", "grpc.health.v1.HealthCheckResponse")
        serving = self.m.message("grpc.health.v1.HealthCheckResponse").SERVING
        reply = check(self.msg("grpc.health.v1.HealthCheckRequest", service=""), timeout=10)
        expect(reply.status == serving, "status %r" % reply.status)
        try:
            check(self.msg("grpc.health.v1.HealthCheckRequest", service="no-such-service"), timeout=10)
        except grpc.RpcError as e:
            expect(e.code() == grpc.StatusCode.NOT_FOUND, "code %s" % e.code())
            return
        fail("an unknown service was reported healthy")

    def health_watch(self):
        response_type = self.m.message("grpc.health.v1.HealthCheckResponse")
        watch = self.stream(HEALTH, "Watch", "grpc.health.v1.HealthCheckResponse")
        set_health = self.channel.unary_unary(
            "/nordeaconnect.grpc.testing.v1.Delegates/SetHealth",
            request_serializer=lambda msg: msg.SerializeToString(),
            response_deserializer=self.m.message(PKG + "EchoReply").FromString,
        )
        call = watch(self.msg("grpc.health.v1.HealthCheckRequest", service="python-watch"), timeout=30)
        statuses = [next(call).status]
        set_health(self.msg(PKG + "EchoRequest", message="python-watch", payload=bytes([response_type.SERVING])), timeout=10)
        statuses.append(next(call).status)
        set_health(self.msg(PKG + "EchoRequest", message="python-watch", payload=bytes([response_type.NOT_SERVING])), timeout=10)
        statuses.append(next(call).status)
        call.cancel()
        expected = [response_type.SERVICE_UNKNOWN, response_type.SERVING, response_type.NOT_SERVING]
        expect(statuses == expected, "statuses %r" % statuses)


class ScenarioFailure(Exception):
    pass


def expect(condition, why):
    if not condition:
        raise ScenarioFailure(why)


def fail(why):
    raise ScenarioFailure(why)


SCENARIOS = [
    "unary_echo",
    "gzip_request",
    "metadata_round_trip",
    "deadline_exceeded",
    "cancellation",
    "server_streaming",
    "streaming_cancellation",
    "error_trailers_only",
    "unknown_exception_hidden",
    "unimplemented",
    "resource_exhausted",
    "health_check",
    "health_watch",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target", required=True, help="host:port of the h2c server")
    parser.add_argument("--descriptor-set", required=True, help="FileDescriptorSet with echo.proto and health.proto")
    parser.add_argument("--deadline-tag", required=True)
    parser.add_argument("--cancel-tag", required=True)
    parser.add_argument("--stream-cancel-tag", required=True)
    args = parser.parse_args()

    messages = DescriptorMessages(args.descriptor_set)
    failures = 0
    with grpc.insecure_channel(args.target) as channel:
        grpc.channel_ready_future(channel).result(timeout=15)
        scenarios = Scenarios(channel, messages, args)
        for name in SCENARIOS:
            try:
                getattr(scenarios, name)()
                print("PASS %s" % name, flush=True)
            except ScenarioFailure as e:
                failures += 1
                print("FAIL %s: %s" % (name, e), flush=True)
            except Exception as e:  # an unexpected error is a failed scenario, with its trace for the log
                failures += 1
                detail = traceback.format_exc().replace("\n", " | ")
                print("FAIL %s: %s: %s %s" % (name, type(e).__name__, e, detail), flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
