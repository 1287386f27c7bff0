'use strict';
// Drives every method of the NordeaConnect.Grains gateway with @grpc/grpc-js, the protos loaded by @grpc/proto-loader.
//   node gateway_client.js --target 127.0.0.1:5080 --token ALL_SCOPES --read-token READ_ONLY
// Prints one line per scenario, "PASS <name>" or "FAIL <name>: <why>", and exits non-zero when any failed.

const crypto = require('node:crypto');
const { clients, metadata, resultOf, statusDetailsOf, grpc } = require('./nc_client');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
for (const required of ['target', 'token', 'read-token']) {
  if (!args[required]) {
    console.error(`Missing --${required}`);
    process.exit(2);
  }
}

const c = clients(args.target);

class ScenarioFailure extends Error {}

function expect(condition, why) {
  if (!condition) {
    throw new ScenarioFailure(why);
  }
}

function newRef(prefix) {
  return prefix + crypto.randomBytes(8).toString('hex').slice(0, 12 - prefix.length);
}

function call(method, request, { token = args.token, key, deadlineMs = 30000 } = {}) {
  const [service, name] = method.split('.');
  return new Promise((resolve, reject) => {
    c[service][name](request, metadata(token, key), { deadline: new Date(Date.now() + deadlineMs) }, (error, response) =>
      error ? reject(error) : resolve(response));
  });
}

async function refused(code, promise) {
  try {
    await promise;
  } catch (error) {
    expect(error.code === code, `expected status ${code}, got ${error.code}: ${error.details}`);
    return error;
  }
  throw new ScenarioFailure(`expected status ${code}, the call succeeded`);
}

function resultCode(error) {
  const result = resultOf(error);
  expect(result !== null, 'no nc-result-bin trailer');
  expect(error.metadata.get('nc-result-code')[0] === result.code, 'nc-result-code differs from nc-result-bin');
  return result;
}

// A server stream as an async queue: next() resolves with the next message, or rejects with the call's error.
function watch(method, request, { token = args.token, deadlineMs = 30000 } = {}) {
  const [service, name] = method.split('.');
  const stream = c[service][name](request, metadata(token), { deadline: new Date(Date.now() + deadlineMs) });
  const messages = [];
  const waiters = [];
  let failure = null;
  const settle = () => {
    while (waiters.length > 0 && (messages.length > 0 || failure)) {
      const waiter = waiters.shift();
      if (messages.length > 0) {
        waiter.resolve(messages.shift());
      } else {
        waiter.reject(failure);
      }
    }
  };
  stream.on('data', (message) => { messages.push(message); settle(); });
  stream.on('error', (error) => { failure = error; settle(); });
  stream.on('end', () => { failure = failure || new ScenarioFailure('stream ended'); settle(); });
  return {
    next: () => new Promise((resolve, reject) => { waiters.push({ resolve, reject }); settle(); }),
    cancel: () => stream.cancel(),
  };
}

const card = { card_holder: 'Test Person', card_number: '4111111111111111', card_expiry: '1230', card_cvv: '123', card_type: 'VISA' };

function cardPayment(amount = '100.00', authorize = false) {
  return call('Transactions.Create', { payment_ref: newRef('js'), amount, currency: 'sek', test: true, authorize, ...card });
}

const scenarios = {
  async transactions_create_get_list() {
    const created = await cardPayment('12.00');
    expect(created.result.code === '000.100.110', `result ${created.result.code}`);
    expect(created.transaction.amount === '12.00', `amount ${created.transaction.amount}`);
    const again = await call('Transactions.Create', { payment_ref: created.transaction.payment_ref, amount: '12.00', currency: 'sek', test: true, ...card });
    expect(again.transaction.id === created.transaction.id, 'a second submit made another transaction');
    const fetched = await call('Transactions.Get', { id: created.transaction.id, read: { max_staleness_ms: 0 } }, { token: args['read-token'] });
    expect(fetched.transaction.payment_ref === created.transaction.payment_ref, 'get returned another transaction');
    const listed = await call('Transactions.List', { options: { limit: 5, order_by: 'id:desc', filters: { payment_ref: created.transaction.payment_ref } } }, { token: args['read-token'] });
    expect(listed.transactions.length === 1 && listed.transactions[0].id === created.transaction.id, `list ${JSON.stringify(listed.transactions.map((t) => t.id))}`);
    expect(listed.page.total === '1', `total ${listed.page.total}`);
  },

  async transactions_update_capture_refund() {
    const authorized = await cardPayment('300.00', true);
    expect(authorized.result.code === '000.200.100', `result ${authorized.result.code}`);
    const id = authorized.transaction.id;
    const updated = await call('Transactions.Update', { id, metadata: { fields: { order: { stringValue: 'A-17' } } } }, { key: crypto.randomUUID() });
    expect(updated.transaction.metadata.fields.order.stringValue === 'A-17', `metadata ${JSON.stringify(updated.transaction.metadata)}`);
    const captured = await call('Transactions.Capture', { id, amount: '300.00' }, { key: crypto.randomUUID() });
    expect(captured.transaction.status === 'approved', `status ${captured.transaction.status}`);
    const key = crypto.randomUUID();
    const refund = await call('Transactions.Refund', { id, amount: '40.00', reason: 'damaged' }, { key });
    const retry = await call('Transactions.Refund', { id, amount: '40.00', reason: 'damaged' }, { key });
    expect(refund.refund.id === retry.refund.id, 'a retried refund with the same key refunded again');
    const refunds = await call('Transactions.ListRefunds', { id, read: { max_staleness_ms: 0 } });
    expect(refunds.refunds.length === 1 && refunds.refunds[0].id === refund.refund.id, 'refund list');
    const byId = await call('Refunds.Get', { id: refund.refund.id }, { token: args['read-token'] });
    expect(byId.refund.amount === '40.00', `refund amount ${byId.refund.amount}`);
    const listed = await call('Refunds.List', { options: { limit: 1000 } }, { token: args['read-token'] });
    expect(listed.refunds.some((r) => r.id === refund.refund.id), 'refund not listed');
  },

  async watch_streams_changes() {
    const paid = await cardPayment('60.00');
    const id = paid.transaction.id;
    const stream = watch('Transactions.Watch', { id }, { token: args['read-token'] });
    const first = await stream.next();
    expect(first.transaction.id === id, 'first message is for another transaction');
    await call('Transactions.Refund', { id, amount: '5.00', reason: 'first' });
    const changed = await stream.next();
    expect(BigInt(changed.transaction.change.version) > BigInt(first.transaction.change.version), 'version did not grow');
    expect(changed.transaction.change.reason === 'refunded', `reason ${changed.transaction.change.reason}`);
    stream.cancel();
  },

  async watch_deadline_exceeded() {
    const paid = await cardPayment();
    const stream = watch('Transactions.Watch', { id: paid.transaction.id }, { deadlineMs: 800 });
    await stream.next();
    const error = await refused(grpc.status.DEADLINE_EXCEEDED, stream.next());
    expect(error.code === grpc.status.DEADLINE_EXCEEDED, 'not a deadline');
  },

  async watch_cancelled() {
    const paid = await cardPayment();
    const stream = watch('Transactions.Watch', { id: paid.transaction.id });
    await stream.next();
    setTimeout(() => stream.cancel(), 200);
    await refused(grpc.status.CANCELLED, stream.next());
  },

  async errors_are_trailers_only_with_the_result() {
    let error = await refused(grpc.status.INVALID_ARGUMENT, call('Transactions.Create', { payment_ref: newRef('js'), amount: '12,50', currency: 'sek' }));
    const result = resultCode(error);
    expect(result.code === '100.100.002', `code ${result.code}`);
    expect(result.description.includes("'12,50'"), `description ${result.description}`);
    const paid = await cardPayment('10.00');
    error = await refused(grpc.status.FAILED_PRECONDITION, call('Transactions.Refund', { id: paid.transaction.id, amount: '10.01', reason: 'x' }));
    expect(resultCode(error).code === '100.200.001', `refund beyond captured gave ${resultCode(error).code}`);
    error = await refused(grpc.status.NOT_FOUND, call('Transactions.Get', { id: 987654321 }));
    resultCode(error);
    error = await refused(grpc.status.INVALID_ARGUMENT, call('Transactions.Create', { payment_ref: newRef('js'), amount: '12.50', currency: 'sek', notification_url: 'ftp://orders.internal/notify' }));
    expect(resultCode(error).code === '100.100.001', `ftp notification_url gave ${resultCode(error).code}`);
    expect(resultCode(error).description.includes('notification_url'), `description ${resultCode(error).description}`);
  },

  async status_details_are_google_rpc_status() {
    let error = await refused(grpc.status.INVALID_ARGUMENT, call('Transactions.Create', { payment_ref: newRef('js'), amount: 'abc', currency: 'sek', test: true }));
    let status = statusDetailsOf(error);
    expect(status !== null, 'no grpc-status-details-bin trailer');
    expect(status.code === error.code, `status.code ${status.code} differs from the call's ${error.code}`);
    expect(status.message === error.details, `status.message ${status.message} vs grpc-message ${error.details}`);
    const info = status.details['google.rpc.ErrorInfo'];
    expect(info !== undefined, `no ErrorInfo among ${Object.keys(status.details)}`);
    expect(info.reason === '100.100.002' && info.reason === error.metadata.get('nc-result-code')[0], `ErrorInfo.reason ${info.reason}`);
    expect(info.domain === 'nordeaconnect.grains.v1', `ErrorInfo.domain ${info.domain}`);
    expect(info.metadata.description === resultCode(error).description, `ErrorInfo.metadata ${JSON.stringify(info.metadata)}`);
    const bad = status.details['google.rpc.BadRequest'];
    expect(bad !== undefined && bad.field_violations.map((v) => v.field).join() === 'amount', `BadRequest ${JSON.stringify(bad)}`);
    error = await refused(grpc.status.PERMISSION_DENIED, call('Transactions.Create', { payment_ref: newRef('js'), amount: '1.00', currency: 'sek' }, { token: args['read-token'] }));
    status = statusDetailsOf(error);
    expect(status.details['google.rpc.ErrorInfo'].reason === '100.400.403', `ErrorInfo.reason ${status.details['google.rpc.ErrorInfo'].reason}`);
    expect(status.details['google.rpc.BadRequest'] === undefined, 'a permission failure carries a BadRequest');
  },

  async auth_failures() {
    const get = (md) => new Promise((resolve, reject) => c.Transactions.Get({ id: 1 }, md, (e, r) => (e ? reject(e) : resolve(r))));
    let error = await refused(grpc.status.UNAUTHENTICATED, get(new grpc.Metadata()));
    expect(resultCode(error).code === '100.400.401', `no token gave ${resultCode(error).code}`);
    const basic = new grpc.Metadata();
    basic.set('authorization', 'Basic eDp5');
    await refused(grpc.status.UNAUTHENTICATED, get(basic));
    // A well-formed Bearer token the gateway does not know is an invalid access token: 403, not 401.
    error = await refused(grpc.status.PERMISSION_DENIED, get(metadata('nobody-knows-this-token')));
    expect(resultCode(error).code === '100.400.403', `unknown token gave ${resultCode(error).code}`);
    error = await refused(grpc.status.PERMISSION_DENIED, call('Transactions.Create', { payment_ref: newRef('js'), amount: '1.00', currency: 'sek' }, { token: args['read-token'] }));
    expect(resultCode(error).code === '100.400.403', `read token writing gave ${resultCode(error).code}`);
  },

  async plans_customers_stored_cards_subscriptions() {
    const plan = (await call('Plans.Create', { name: newRef('plan'), interval_unit: 'months', interval: 1, periods: 12, prices: { sek: '99.00' } })).plan;
    expect((await call('Plans.Get', { id: plan.id })).plan.prices.sek === '99.00', 'plan price');
    expect((await call('Plans.List', { options: { limit: 1000 } })).plans.some((p) => p.id === plan.id), 'plan not listed');

    const customerRef = newRef('c');
    const customer = (await call('Customers.Create', { ref: customerRef })).customer;
    expect((await call('Customers.Create', { ref: customerRef })).customer.id === customer.id, 'a second create made another customer');
    const updated = (await call('Customers.Update', { id: customer.id, metadata: { fields: { tier: { stringValue: 'gold' } } } })).customer;
    expect(updated.metadata.fields.tier.stringValue === 'gold', 'customer metadata');
    expect((await call('Customers.Get', { id: customer.id })).customer.ref === customerRef, 'customer ref');
    const customers = (await call('Customers.List', { options: { filters: { ref: customerRef } } })).customers;
    expect(customers.length === 1 && customers[0].id === customer.id, 'customer list');

    const link = await call('Transactions.Create', { payment_ref: newRef('js'), amount: '99.00', currency: 'sek', test: true, process: false, customer_ref: customerRef });
    expect(link.transaction.href, 'no payment link');
    const form = new URLSearchParams({ ...card, store_card: 'true', customer_ref: customerRef, plan_id: String(plan.id) });
    const response = await fetch(link.transaction.href, { method: 'POST', body: form });
    expect(response.ok, `checkout answered ${response.status}`);
    const checkout = await response.json();
    const cardId = String(checkout.stored_card.id);
    const subscriptionId = String(checkout.subscription.id);

    const stored = (await call('StoredCards.Get', { id: cardId }, { token: args['read-token'] })).stored_card;
    expect(stored.status === 'active', `card status ${stored.status}`);
    expect((await call('StoredCards.List', { customer_id: customer.id })).stored_cards.some((s) => s.id === cardId), 'card not listed');
    const charged = await call('StoredCards.Charge', { id: cardId, payment_ref: newRef('js'), amount: '15.00', currency: 'sek', test: true });
    expect(charged.transaction.amount === '15.00', 'charge amount');
    expect((await call('Customers.ListTransactions', { id: customer.id })).transactions.some((t) => t.id === charged.transaction.id), 'customer transactions');
    expect((await call('Customers.ListStoredCards', { id: customer.id })).stored_cards.some((s) => s.id === cardId), 'customer cards');
    expect((await call('Customers.ListSubscriptions', { id: customer.id })).subscriptions.some((s) => s.id === subscriptionId), 'customer subscriptions');

    expect((await call('Subscriptions.Get', { id: subscriptionId })).subscription.plan_id === plan.id, 'subscription plan');
    const stream = watch('Subscriptions.Watch', { id: subscriptionId }, { token: args['read-token'] });
    await stream.next();
    const debt = (await call('Subscriptions.AddDebt', { id: subscriptionId, delta: '12.50' }, { key: crypto.randomUUID() })).subscription;
    expect(debt.debt === '12.50', `debt ${debt.debt}`);
    expect((await stream.next()).subscription.debt === '12.50', 'watch did not see the debt');
    stream.cancel();
    expect((await call('Subscriptions.Update', { id: subscriptionId, subscription_quantity: 2 })).subscription.subscription_quantity === 2, 'quantity');
    expect((await call('Subscriptions.List', { customer_id: customer.id })).subscriptions.some((s) => s.id === subscriptionId), 'subscription list');

    expect((await call('StoredCards.UpdateStatus', { id: cardId, status: 'inactive' })).stored_card.status === 'inactive', 'inactive');
    const error = await refused(grpc.status.FAILED_PRECONDITION, call('StoredCards.Charge', { id: cardId, payment_ref: newRef('js'), amount: '1.00', currency: 'sek', test: true }));
    expect(resultCode(error).code === '100.200.006', `inactive card charge gave ${resultCode(error).code}`);
    expect((await call('StoredCards.Delete', { id: cardId })).stored_card.status === 'deleted', 'deleted');
  },

  async webhook_templates_and_webhooks() {
    const created = (await call('WebhookTemplates.Create', {
      trigger: 'payment_success', type: 'custom_http', url: 'http://127.0.0.1:9/hook', http_method: 'post', data_format: 'json', body: '{"id": {{ transaction.id }}}',
    })).webhook_template;
    const updated = (await call('WebhookTemplates.Update', { id: created.id, url: 'http://127.0.0.1:9/other' })).webhook_template;
    expect(updated.url === 'http://127.0.0.1:9/other', `url ${updated.url}`);
    expect((await call('WebhookTemplates.Get', { id: created.id })).webhook_template.trigger === 'payment_success', 'trigger');
    expect((await call('WebhookTemplates.List', {})).webhook_templates.some((t) => t.id === created.id), 'template not listed');
    await refused(grpc.status.PERMISSION_DENIED, call('WebhookTemplates.List', {}, { token: args['read-token'] }));
    const listed = await call('Webhooks.List', { options: { limit: 5 } }, { token: args['read-token'] });
    expect(listed.result.code === '000.000.000', `webhooks list result ${listed.result.code}`);
    await refused(grpc.status.NOT_FOUND, call('Webhooks.Get', { id: 99999999 }, { token: args['read-token'] }));
  },

  async notifications_subscribe() {
    const paid = await cardPayment('25.00');
    const subscription = { entity_kind: 'transaction', id: paid.transaction.id, notification_url: 'http://127.0.0.1:9/js-notify' };
    const subscribed = await call('Notifications.Subscribe', subscription);
    expect(subscribed.result.code === '000.000.000', `subscribe result ${subscribed.result.code}`);
    const error = await refused(grpc.status.INVALID_ARGUMENT, call('Notifications.Subscribe', { ...subscription, entity_kind: 'invoice' }));
    expect(resultCode(error).code === '100.100.001', `unknown entity_kind gave ${resultCode(error).code}`);
    expect(resultCode(error).description.includes('entity_kind'), `description ${resultCode(error).description}`);
    await refused(grpc.status.PERMISSION_DENIED, call('Notifications.Subscribe', subscription, { token: args['read-token'] }));
    const unsubscribed = await call('Notifications.Unsubscribe', subscription);
    expect(unsubscribed.result.code === '000.000.000', `unsubscribe result ${unsubscribed.result.code}`);
  },
};

(async () => {
  let failed = 0;
  for (const [name, scenario] of Object.entries(scenarios)) {
    try {
      await scenario();
      console.log(`PASS ${name}`);
    } catch (error) {
      failed += 1;
      const why = error instanceof ScenarioFailure ? error.message : String(error && error.stack ? error.stack : error).replace(/\n/g, ' | ');
      console.log(`FAIL ${name}: ${why}`);
    }
  }
  for (const client of Object.values(c)) {
    client.close();
  }
  process.exit(failed ? 1 : 0);
})();
