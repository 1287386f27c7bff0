"""Drives every method of the NordeaConnect.Grains gateway with Debian's python3-grpcio.

Run with /usr/bin/python3 against a running gateway (embedded sandbox):
    /usr/bin/python3 gateway_client.py --target 127.0.0.1:5080 --descriptor-set grains.pb \
        --token ALL_SCOPES --read-token READ_ONLY
Prints one line per scenario, "PASS <name>" or "FAIL <name>: <why>", and exits non-zero when any failed.
Messages are built from a FileDescriptorSet (see ../python/descriptor_messages.py for why).
"""

import argparse
import os
import sys
import threading
import time
import traceback
import urllib.parse
import urllib.request
import uuid

import grpc

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from descriptor_messages import DescriptorMessages  # noqa: E402

PKG = "nordeaconnect.grains.v1."


class ScenarioFailure(Exception):
    pass


def expect(condition, why):
    if not condition:
        raise ScenarioFailure(why)


def new_ref(prefix):
    """A payment_ref (at most 12 characters) no other run uses."""
    return prefix + uuid.uuid4().hex[: 12 - len(prefix)]


class Gateway:
    """Unary and streaming callables by "Service.Method", with the request and response types of the protos."""

    def __init__(self, channel, messages, pool_services):
        self.channel = channel
        self.m = messages
        self._services = pool_services

    def method(self, name):
        service_name, method_name = name.split(".")
        service = self._services.FindServiceByName(PKG + service_name)
        method = service.methods_by_name[method_name]
        path = "/%s/%s" % (service.full_name, method.name)
        response_class = self.m.message(method.output_type.full_name)
        kind = self.channel.unary_stream if method.server_streaming else self.channel.unary_unary
        return kind(path, request_serializer=lambda msg: msg.SerializeToString(), response_deserializer=response_class.FromString)

    def msg(self, _type, **fields):
        return self.m.message(PKG + _type)(**fields)


class Scenarios:
    def __init__(self, gateway, args):
        self.g = gateway
        self.args = args

    def md(self, token=None, key=None):
        metadata = [("authorization", "Bearer " + (token or self.args.token))]
        if key:
            metadata.append(("idempotency-key", key))
        return metadata

    def call(self, _method, token=None, key=None, **fields):
        service, method = _method.split(".")
        request_type = self.g._services.FindServiceByName(PKG + service).methods_by_name[method].input_type.full_name
        request = self.g.m.message(request_type)(**fields)
        return self.g.method(_method)(request, metadata=self.md(token, key), timeout=30)

    def card_payment(self, amount="100.00", authorize=False):
        return self.call(
            "Transactions.Create", payment_ref=new_ref("py"), amount=amount, currency="sek", test=True, authorize=authorize,
            card_holder="Test Person", card_number="4111111111111111", card_expiry="1230", card_cvv="123", card_type="VISA")

    def result_of(self, error):
        trailers = dict(error.trailing_metadata() or ())
        raw = trailers.get("nc-result-bin")
        expect(raw is not None, "no nc-result-bin trailer in %r" % (trailers,))
        result = self.g.m.message(PKG + "Result").FromString(raw)
        expect(trailers.get("nc-result-code") == result.code, "nc-result-code %r differs from %r" % (trailers.get("nc-result-code"), result.code))
        return result

    def refused(self, code, fn):
        try:
            fn()
        except grpc.RpcError as error:
            expect(error.code() == code, "expected %s, got %s: %s" % (code, error.code(), error.details()))
            return error
        raise ScenarioFailure("expected %s, the call succeeded" % code)

    # --- scenarios -------------------------------------------------------------------------

    def transactions_create_get_list(self):
        created = self.card_payment("12.00")
        expect(created.result.code == "000.100.110", "result %r" % created.result.code)
        expect(created.transaction.amount == "12.00", "amount %r" % created.transaction.amount)
        again = self.call("Transactions.Create", payment_ref=created.transaction.payment_ref, amount="12.00", currency="sek", test=True,
                          card_holder="Test Person", card_number="4111111111111111", card_expiry="1230", card_cvv="123", card_type="VISA")
        expect(again.transaction.id == created.transaction.id, "a second submit made another transaction")
        fetched = self.call("Transactions.Get", token=self.args.read_token, id=created.transaction.id,
                            read=self.g.msg("ReadOptions", max_staleness_ms=0))
        expect(fetched.transaction.payment_ref == created.transaction.payment_ref, "get returned %r" % fetched.transaction.payment_ref)
        options = self.g.msg("ListOptions", limit=5, order_by="id:desc")
        options.filters["payment_ref"] = created.transaction.payment_ref
        listed = self.call("Transactions.List", token=self.args.read_token, options=options)
        expect([t.id for t in listed.transactions] == [created.transaction.id], "list %r" % [t.id for t in listed.transactions])
        expect(listed.page.total == 1, "total %r" % listed.page.total)

    def transactions_update_capture_refund(self):
        authorized = self.card_payment("300.00", authorize=True)
        expect(authorized.result.code == "000.200.100", "result %r" % authorized.result.code)
        tid = authorized.transaction.id
        metadata = self.g.m.message("google.protobuf.Struct")()
        metadata.fields["order"].string_value = "A-17"
        updated = self.call("Transactions.Update", key=str(uuid.uuid4()), id=tid, metadata=metadata)
        expect(updated.transaction.metadata.fields["order"].string_value == "A-17", "metadata %r" % updated.transaction.metadata)
        captured = self.call("Transactions.Capture", key=str(uuid.uuid4()), id=tid, amount="300.00")
        expect(captured.transaction.status == "approved", "status %r" % captured.transaction.status)
        key = str(uuid.uuid4())
        refund = self.call("Transactions.Refund", key=key, id=tid, amount="40.00", reason="damaged")
        retry = self.call("Transactions.Refund", key=key, id=tid, amount="40.00", reason="damaged")
        expect(refund.refund.id == retry.refund.id, "a retried refund with the same key refunded again")
        refunds = self.call("Transactions.ListRefunds", id=tid, read=self.g.msg("ReadOptions", max_staleness_ms=0))
        expect([r.id for r in refunds.refunds] == [refund.refund.id], "refunds %r" % [r.id for r in refunds.refunds])
        by_id = self.call("Refunds.Get", token=self.args.read_token, id=refund.refund.id)
        expect(by_id.refund.amount == "40.00", "refund amount %r" % by_id.refund.amount)
        listed = self.call("Refunds.List", token=self.args.read_token, options=self.g.msg("ListOptions", limit=1000))
        expect(refund.refund.id in [r.id for r in listed.refunds], "refund not listed")

    def watch_streams_changes(self):
        paid = self.card_payment("60.00")
        tid = paid.transaction.id
        call = self.g.method("Transactions.Watch")(self.g.msg("WatchTransactionRequest", id=tid), metadata=self.md(self.args.read_token), timeout=30)
        first = next(call)
        expect(first.transaction.id == tid, "first message is for %r" % first.transaction.id)
        self.call("Transactions.Refund", id=tid, amount="5.00", reason="first")
        changed = next(call)
        expect(changed.transaction.change.version > first.transaction.change.version, "version did not grow")
        expect(changed.transaction.change.reason == "refunded", "reason %r" % changed.transaction.change.reason)
        call.cancel()

    def watch_deadline_exceeded(self):
        paid = self.card_payment()
        call = self.g.method("Transactions.Watch")(self.g.msg("WatchTransactionRequest", id=paid.transaction.id), metadata=self.md(), timeout=0.8)
        next(call)
        try:
            next(call)
            raise ScenarioFailure("the stream went on past its deadline")
        except grpc.RpcError as error:
            expect(error.code() == grpc.StatusCode.DEADLINE_EXCEEDED, "ended with %s" % error.code())

    def watch_cancelled(self):
        paid = self.card_payment()
        call = self.g.method("Transactions.Watch")(self.g.msg("WatchTransactionRequest", id=paid.transaction.id), metadata=self.md(), timeout=30)
        next(call)
        threading.Timer(0.2, call.cancel).start()
        try:
            next(call)
            raise ScenarioFailure("the stream went on after cancel")
        except grpc.RpcError as error:
            expect(error.code() == grpc.StatusCode.CANCELLED, "ended with %s" % error.code())

    def errors_are_trailers_only_with_the_result(self):
        error = self.refused(grpc.StatusCode.INVALID_ARGUMENT, lambda: self.call("Transactions.Create", payment_ref=new_ref("py"), amount="12,50", currency="sek"))
        result = self.result_of(error)
        expect(result.code == "100.100.002", "code %r" % result.code)
        expect("'12,50'" in result.description, "description %r" % result.description)
        paid = self.card_payment("10.00")
        error = self.refused(grpc.StatusCode.FAILED_PRECONDITION, lambda: self.call("Transactions.Refund", id=paid.transaction.id, amount="10.01", reason="x"))
        expect(self.result_of(error).code == "100.200.001", "refund beyond captured gave %r" % self.result_of(error).code)
        error = self.refused(grpc.StatusCode.NOT_FOUND, lambda: self.call("Transactions.Get", id=987654321))
        self.result_of(error)
        error = self.refused(grpc.StatusCode.INVALID_ARGUMENT, lambda: self.call("Transactions.Create", payment_ref=new_ref("py"), amount="12.50", currency="sek", notification_url="ftp://orders.internal/notify"))
        expect(self.result_of(error).code == "100.100.001", "ftp notification_url gave %r" % self.result_of(error).code)
        expect("notification_url" in self.result_of(error).description, "description %r" % self.result_of(error).description)

    def status_details(self, error):
        """The google.rpc.Status in grpc-status-details-bin, decoded with the protobuf runtime (Debian ships no grpc_status)."""
        trailers = dict(error.trailing_metadata() or ())
        raw = trailers.get("grpc-status-details-bin")
        expect(raw is not None, "no grpc-status-details-bin trailer in %r" % (sorted(trailers),))
        status = self.g.m.message("google.rpc.Status").FromString(raw)
        expect(status.code == error.code().value[0], "status.code %d differs from the call's %s" % (status.code, error.code()))
        details = {}
        for detail in status.details:
            name = detail.type_url.rsplit("/", 1)[-1]
            details[name] = self.g.m.message(name).FromString(detail.value)
        return status, details

    def status_details_are_google_rpc_status(self):
        error = self.refused(grpc.StatusCode.INVALID_ARGUMENT, lambda: self.call("Transactions.Create", payment_ref=new_ref("py"), amount="abc", currency="sek", test=True))
        status, details = self.status_details(error)
        code = dict(error.trailing_metadata())["nc-result-code"]
        info = details.get("google.rpc.ErrorInfo")
        expect(info is not None, "no ErrorInfo among %r" % sorted(details))
        expect(info.reason == code == "100.100.002", "ErrorInfo.reason %r, nc-result-code %r" % (info.reason, code))
        expect(info.domain == "nordeaconnect.grains.v1", "ErrorInfo.domain %r" % info.domain)
        expect(info.metadata["description"] == self.result_of(error).description, "ErrorInfo.metadata %r" % dict(info.metadata))
        bad = details.get("google.rpc.BadRequest")
        expect(bad is not None and [v.field for v in bad.field_violations] == ["amount"], "BadRequest %r" % bad)
        expect(status.message == error.details(), "status.message %r vs grpc-message %r" % (status.message, error.details()))
        denied = self.refused(grpc.StatusCode.PERMISSION_DENIED, lambda: self.call("Transactions.Create", token=self.args.read_token, payment_ref=new_ref("py"), amount="1.00", currency="sek"))
        _, details = self.status_details(denied)
        expect(details["google.rpc.ErrorInfo"].reason == "100.400.403", "ErrorInfo.reason %r" % details["google.rpc.ErrorInfo"].reason)
        expect("google.rpc.BadRequest" not in details, "a permission failure carries a BadRequest")

    def auth_failures(self):
        request = self.g.msg("GetTransactionRequest", id=1)
        get = self.g.method("Transactions.Get")
        error = self.refused(grpc.StatusCode.UNAUTHENTICATED, lambda: get(request, timeout=10))
        expect(self.result_of(error).code == "100.400.401", "no token gave %r" % self.result_of(error).code)
        self.refused(grpc.StatusCode.UNAUTHENTICATED, lambda: get(request, metadata=[("authorization", "Basic eDp5")], timeout=10))
        # A well-formed Bearer token the gateway does not know is an invalid access token: 403, not 401.
        error = self.refused(grpc.StatusCode.PERMISSION_DENIED, lambda: get(request, metadata=[("authorization", "Bearer nobody-knows-this-token")], timeout=10))
        expect(self.result_of(error).code == "100.400.403", "unknown token gave %r" % self.result_of(error).code)
        error = self.refused(grpc.StatusCode.PERMISSION_DENIED, lambda: self.call("Transactions.Create", token=self.args.read_token, payment_ref=new_ref("py"), amount="1.00", currency="sek"))
        expect(self.result_of(error).code == "100.400.403", "read token writing gave %r" % self.result_of(error).code)
        health = self.g.channel.unary_unary("/grpc.health.v1.Health/Check", request_serializer=lambda m: m.SerializeToString(),
                                            response_deserializer=self.g.m.message("grpc.health.v1.HealthCheckResponse").FromString)
        expect(health(self.g.m.message("grpc.health.v1.HealthCheckRequest")(), timeout=10).status == 1, "health is not SERVING")

    def plans_customers_stored_cards_subscriptions(self):
        plan_request = self.g.msg("CreatePlanRequest", name=new_ref("plan"), interval_unit="months", interval=1, periods=12)
        plan_request.prices["sek"] = "99.00"
        plan = self.g.method("Plans.Create")(plan_request, metadata=self.md(), timeout=30).plan
        expect(self.call("Plans.Get", id=plan.id).plan.prices["sek"] == "99.00", "plan price")
        expect(plan.id in [p.id for p in self.call("Plans.List", options=self.g.msg("ListOptions", limit=1000)).plans], "plan not listed")

        customer_ref = new_ref("c")
        customer = self.call("Customers.Create", ref=customer_ref).customer
        expect(self.call("Customers.Create", ref=customer_ref).customer.id == customer.id, "a second create made another customer")
        metadata = self.g.m.message("google.protobuf.Struct")()
        metadata.fields["tier"].string_value = "gold"
        updated = self.call("Customers.Update", id=customer.id, metadata=metadata).customer
        expect(updated.metadata.fields["tier"].string_value == "gold", "customer metadata")
        expect(self.call("Customers.Get", id=customer.id).customer.ref == customer_ref, "customer ref")
        options = self.g.msg("ListOptions")
        options.filters["ref"] = customer_ref
        expect([c.id for c in self.call("Customers.List", options=options).customers] == [customer.id], "customer list")

        link = self.call("Transactions.Create", payment_ref=new_ref("py"), amount="99.00", currency="sek", test=True, process=False, customer_ref=customer_ref)
        expect(link.transaction.href, "no payment link")
        form = urllib.parse.urlencode({"card_number": "4111111111111111", "card_expiry": "1230", "card_cvv": "123", "card_holder": "Test Person",
                                       "card_type": "VISA", "store_card": "true", "customer_ref": customer_ref, "plan_id": str(plan.id)}).encode()
        import json
        with urllib.request.urlopen(urllib.request.Request(link.transaction.href, data=form), timeout=30) as response:
            checkout = json.loads(response.read())
        card_id = checkout["stored_card"]["id"]
        subscription_id = checkout["subscription"]["id"]

        card = self.call("StoredCards.Get", token=self.args.read_token, id=card_id).stored_card
        expect(card.status == "active", "card status %r" % card.status)
        expect(card_id in [c.id for c in self.call("StoredCards.List", customer_id=customer.id).stored_cards], "card not listed")
        charged = self.call("StoredCards.Charge", id=card_id, payment_ref=new_ref("py"), amount="15.00", currency="sek", test=True)
        expect(charged.transaction.amount == "15.00", "charge amount")
        children = {"id": customer.id}
        expect(charged.transaction.id in [t.id for t in self.call("Customers.ListTransactions", **children).transactions], "customer transactions")
        expect(card_id in [c.id for c in self.call("Customers.ListStoredCards", **children).stored_cards], "customer cards")
        expect(subscription_id in [s.id for s in self.call("Customers.ListSubscriptions", **children).subscriptions], "customer subscriptions")

        expect(self.call("Subscriptions.Get", id=subscription_id).subscription.plan_id == plan.id, "subscription plan")
        watch = self.g.method("Subscriptions.Watch")(self.g.msg("WatchSubscriptionRequest", id=subscription_id), metadata=self.md(self.args.read_token), timeout=30)
        next(watch)
        debt = self.call("Subscriptions.AddDebt", key=str(uuid.uuid4()), id=subscription_id, delta="12.50").subscription
        expect(debt.debt == "12.50", "debt %r" % debt.debt)
        expect(next(watch).subscription.debt == "12.50", "watch did not see the debt")
        watch.cancel()
        expect(self.call("Subscriptions.Update", id=subscription_id, subscription_quantity=2).subscription.subscription_quantity == 2, "quantity")
        expect(subscription_id in [s.id for s in self.call("Subscriptions.List", customer_id=customer.id).subscriptions], "subscription list")

        expect(self.call("StoredCards.UpdateStatus", id=card_id, status="inactive").stored_card.status == "inactive", "inactive")
        error = self.refused(grpc.StatusCode.FAILED_PRECONDITION, lambda: self.call(
            "StoredCards.Charge", id=card_id, payment_ref=new_ref("py"), amount="1.00", currency="sek", test=True))
        expect(self.result_of(error).code == "100.200.006", "inactive card charge gave %r" % self.result_of(error).code)
        expect(self.call("StoredCards.Delete", id=card_id).stored_card.status == "deleted", "deleted")

    def webhook_templates_and_webhooks(self):
        created = self.call("WebhookTemplates.Create", trigger="payment_success", type="custom_http", url="http://127.0.0.1:9/hook",
                            http_method="post", data_format="json", body='{"id": {{ transaction.id }}}').webhook_template
        updated = self.call("WebhookTemplates.Update", id=created.id, url="http://127.0.0.1:9/other").webhook_template
        expect(updated.url == "http://127.0.0.1:9/other", "url %r" % updated.url)
        expect(self.call("WebhookTemplates.Get", id=created.id).webhook_template.trigger == "payment_success", "trigger")
        expect(created.id in [t.id for t in self.call("WebhookTemplates.List").webhook_templates], "template not listed")
        self.refused(grpc.StatusCode.PERMISSION_DENIED, lambda: self.call("WebhookTemplates.List", token=self.args.read_token))
        listed = self.call("Webhooks.List", token=self.args.read_token, options=self.g.msg("ListOptions", limit=5))
        expect(listed.result.code == "000.000.000", "webhooks list result %r" % listed.result.code)
        self.refused(grpc.StatusCode.NOT_FOUND, lambda: self.call("Webhooks.Get", token=self.args.read_token, id=99999999))

    def notifications_subscribe(self):
        paid = self.card_payment("25.00")
        subscription = dict(entity_kind="transaction", id=paid.transaction.id, notification_url="http://127.0.0.1:9/py-notify")
        subscribed = self.call("Notifications.Subscribe", **subscription)
        expect(subscribed.result.code == "000.000.000", "subscribe result %r" % subscribed.result.code)
        error = self.refused(grpc.StatusCode.INVALID_ARGUMENT, lambda: self.call("Notifications.Subscribe", entity_kind="invoice", id=paid.transaction.id, notification_url="http://127.0.0.1:9/py-notify"))
        expect(self.result_of(error).code == "100.100.001", "unknown entity_kind gave %r" % self.result_of(error).code)
        expect("entity_kind" in self.result_of(error).description, "description %r" % self.result_of(error).description)
        self.refused(grpc.StatusCode.PERMISSION_DENIED, lambda: self.call("Notifications.Subscribe", token=self.args.read_token, **subscription))
        unsubscribed = self.call("Notifications.Unsubscribe", **subscription)
        expect(unsubscribed.result.code == "000.000.000", "unsubscribe result %r" % unsubscribed.result.code)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", required=True)
    parser.add_argument("--descriptor-set", required=True)
    parser.add_argument("--token", required=True, help="a token with every scope")
    parser.add_argument("--read-token", required=True, help="a token with the read scope only")
    args = parser.parse_args()

    messages = DescriptorMessages(args.descriptor_set)
    channel = grpc.insecure_channel(args.target)
    gateway = Gateway(channel, messages, messages._pool)
    scenarios = Scenarios(gateway, args)
    failed = 0
    for name in [n for n in Scenarios.__dict__ if not n.startswith("_") and n not in ("md", "call", "card_payment", "result_of", "refused", "status_details")]:
        try:
            getattr(scenarios, name)()
            print("PASS " + name, flush=True)
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
            failed += 1
            why = str(error) if isinstance(error, ScenarioFailure) else traceback.format_exc().replace("\n", " | ")
            print("FAIL %s: %s" % (name, why), flush=True)
    channel.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
