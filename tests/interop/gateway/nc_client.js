'use strict';
// Loads the façade's protos (protos/nordeaconnect/grains/v1) with @grpc/proto-loader and makes clients for
// @grpc/grpc-js. The packages come from tests/interop/node (npm ci --prefix tests/interop/node).

const path = require('node:path');
const { createRequire } = require('node:module');

const nodeRequire = createRequire(path.join(__dirname, '..', 'node', 'package.json'));
const grpc = nodeRequire('@grpc/grpc-js');
const protoLoader = nodeRequire('@grpc/proto-loader');

const PROTO_ROOT = path.join(__dirname, '..', '..', '..', 'protos');
const FILES = ['common', 'transactions', 'refunds', 'stored_cards', 'plans', 'subscriptions', 'customers', 'webhooks', 'notifications']
  .map((name) => path.join('nordeaconnect', 'grains', 'v1', name + '.proto'));

function load() {
  const definition = protoLoader.loadSync(FILES, {
    includeDirs: [PROTO_ROOT],
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition).nordeaconnect.grains.v1;
}

function clients(target) {
  const v1 = load();
  const credentials = grpc.credentials.createInsecure();
  const make = (Service) => new Service(target, credentials);
  return {
    Transactions: make(v1.Transactions),
    Refunds: make(v1.Refunds),
    StoredCards: make(v1.StoredCards),
    Plans: make(v1.Plans),
    Subscriptions: make(v1.Subscriptions),
    Customers: make(v1.Customers),
    WebhookTemplates: make(v1.WebhookTemplates),
    Webhooks: make(v1.Webhooks),
    Notifications: make(v1.Notifications),
  };
}

// Request metadata: the Bearer token and, for mutations, an idempotency key.
function metadata(token, idempotencyKey) {
  const md = new grpc.Metadata();
  if (token) {
    md.set('authorization', 'Bearer ' + token);
  }
  if (idempotencyKey) {
    md.set('idempotency-key', idempotencyKey);
  }
  return md;
}

// The gateway's result of a failed call, from the nc-result-bin trailer (a serialized nordeaconnect.grains.v1.Result).
function resultOf(error) {
  const bytes = error && error.metadata && error.metadata.get('nc-result-bin')[0];
  if (!bytes) {
    return null;
  }
  const protobuf = nodeRequire('protobufjs');
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => path.join(PROTO_ROOT, target);
  root.loadSync(path.join('nordeaconnect', 'grains', 'v1', 'common.proto'), { keepCase: true });
  return root.lookupType('nordeaconnect.grains.v1.Result').decode(bytes).toJSON();
}

// The google.rpc.Status of a failed call, from grpc-status-details-bin, its details unpacked by type (ErrorInfo,
// BadRequest): protobufjs with googleapis' status.proto and error_details.proto (vendored in protos/google/rpc).
function statusDetailsOf(error) {
  const bytes = error && error.metadata && error.metadata.get('grpc-status-details-bin')[0];
  if (!bytes) {
    return null;
  }
  const protobuf = nodeRequire('protobufjs');
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') ? target : path.join(PROTO_ROOT, target));
  root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });
  const status = root.lookupType('google.rpc.Status').decode(bytes);
  const details = {};
  for (const any of status.details) {
    const name = any.type_url.slice(any.type_url.lastIndexOf('/') + 1);
    details[name] = root.lookupType(name).decode(any.value).toJSON();
  }
  return { code: status.code, message: status.message, details };
}

module.exports = { grpc, load, clients, metadata, resultOf, statusDetailsOf };
