'use strict';
// Drives the wire layer's test EchoService with @grpc/grpc-js.
// Prints one line per scenario, "PASS <name>" or "FAIL <name>: <why>", and exits non-zero when any failed.
// The .NET test that starts the server asserts on these lines and checks the server-side half
// (cancellation observed) through the tags it passes in.
//
// usage: node wire_layer_client.js --target 127.0.0.1:PORT --proto-dir DIR
//        --deadline-tag T --cancel-tag T --stream-cancel-tag T

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

function parseArgs(argv) {
  const args = {};
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key.startsWith('--') || value === undefined) {
      throw new Error(`Bad argument '${key}': expected --name value pairs`);
    }
    args[key.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = value;
  }
  for (const required of ['target', 'protoDir', 'deadlineTag', 'cancelTag', 'streamCancelTag']) {
    if (!args[required]) {
      throw new Error(`Missing --${required.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`);
    }
  }
  return args;
}

const args = parseArgs(process.argv);
const definition = protoLoader.loadSync(['echo.proto', path.join('grpc', 'health', 'v1', 'health.proto')], {
  includeDirs: [args.protoDir],
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
});
const loaded = grpc.loadPackageDefinition(definition);
const EchoService = loaded.nordeaconnect.grpc.testing.v1.EchoService;
const Health = loaded.grpc.health.v1.Health;

const echo = new EchoService(args.target, grpc.credentials.createInsecure());
// Compresses every request with gzip (2 = GRPC_COMPRESS_GZIP in grpc-js's numbering).
const gzipEcho = new EchoService(args.target, grpc.credentials.createInsecure(), { 'grpc.default_compression_algorithm': 2 });
const health = new Health(args.target, grpc.credentials.createInsecure());
const generic = new grpc.Client(args.target, grpc.credentials.createInsecure());

class ScenarioFailure extends Error {}

function expect(condition, why) {
  if (!condition) {
    throw new ScenarioFailure(why);
  }
}

function deadlineIn(ms) {
  return new Date(Date.now() + ms);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Resolves with { error, response, metadata, status } once the unary call has fully ended.
function unary(client, method, request, options = {}, metadata = new grpc.Metadata()) {
  return new Promise((resolve) => {
    const outcome = {};
    let pending = 2;
    const done = () => {
      pending -= 1;
      if (pending === 0) {
        resolve(outcome);
      }
    };
    const call = client[method](request, metadata, options, (error, response) => {
      outcome.error = error;
      outcome.response = response;
      done();
    });
    call.on('metadata', (md) => {
      outcome.metadata = md;
    });
    call.on('status', (status) => {
      outcome.status = status;
      done();
    });
  });
}

// A unary call by path, for methods no loaded service declares; EchoRequest in, EchoReply out.
function rawUnary(methodPath, request) {
  const { requestSerialize, responseDeserialize } = EchoService.service.Echo;
  return new Promise((resolve) => {
    generic.makeUnaryRequest(
      methodPath,
      requestSerialize,
      responseDeserialize,
      request,
      new grpc.Metadata(),
      { deadline: deadlineIn(10000) },
      (error, response) => resolve({ error, response }),
    );
  });
}

const scenarios = {
  async unary_echo() {
    const { error, response } = await unary(echo, 'Echo', { message: 'hej världen', payload: Buffer.from([0, 1, 255]) }, { deadline: deadlineIn(10000) });
    expect(!error, `error ${error && error.message}`);
    expect(response.message === 'hej världen', `message ${response.message}`);
    expect(Buffer.compare(response.payload, Buffer.from([0, 1, 255])) === 0, `payload ${response.payload.toString('hex')}`);
  },

  async gzip_request() {
    const message = 'z'.repeat(2000);
    const { error, response } = await unary(gzipEcho, 'Echo', { message }, { deadline: deadlineIn(10000) });
    expect(!error, `error ${error && error.message}`);
    expect(response.message === message, 'gzip round trip lost the message');
    expect(response.request_encoding === 'gzip', `request was sent with grpc-encoding '${response.request_encoding}'`);
  },

  async metadata_round_trip() {
    const metadata = new grpc.Metadata();
    metadata.add('echo-text', 'value 1');
    metadata.add('echo-data-bin', Buffer.from([0, 200, 10, 13, 44]));
    metadata.add('x-plain', 'p');
    const { error, response, metadata: headers, status } = await unary(echo, 'Echo', { message: 'm' }, { deadline: deadlineIn(10000) }, metadata);
    expect(!error, `error ${error && error.message}`);
    expect(response.received_metadata.includes('x-plain=p'), `server saw ${response.received_metadata}`);
    expect(response.received_metadata.includes('echo-data-bin=AMgKDSw='), `server saw ${response.received_metadata}`);
    expect(headers.get('echo-text')[0] === 'value 1', `headers ${JSON.stringify(headers.getMap())}`);
    expect(Buffer.compare(headers.get('echo-data-bin')[0], Buffer.from([0, 200, 10, 13, 44])) === 0, 'header echo-data-bin');
    expect(status.metadata.get('echo-text')[0] === 'value 1', `trailers ${JSON.stringify(status.metadata.getMap())}`);
    expect(Buffer.compare(status.metadata.get('echo-data-bin')[0], Buffer.from([0, 200, 10, 13, 44])) === 0, 'trailer echo-data-bin');
  },

  async deadline_exceeded() {
    const { error } = await unary(echo, 'Slow', { tag: args.deadlineTag }, { deadline: deadlineIn(1500) });
    expect(error && error.code === grpc.status.DEADLINE_EXCEEDED, `code ${error && error.code}`);
  },

  async cancellation() {
    let call;
    const outcome = new Promise((resolve) => {
      call = echo.Slow({ tag: args.cancelTag }, new grpc.Metadata(), { deadline: deadlineIn(30000) }, (error) => resolve(error));
    });
    // Cancel only once the call runs on the server, so the server-side check has a running call to see end.
    const started = await rawUnary('/nordeaconnect.grpc.testing.v1.Delegates/AwaitStarted', { message: args.cancelTag });
    expect(!started.error, `AwaitStarted failed: ${started.error && started.error.message}`);
    call.cancel();
    const error = await outcome;
    expect(error && error.code === grpc.status.CANCELLED, `code ${error && error.code}`);
  },

  async server_streaming() {
    const indexes = [];
    const status = await new Promise((resolve, reject) => {
      const call = echo.Count({ count: 25 }, { deadline: deadlineIn(10000) });
      call.on('data', (reply) => indexes.push(reply.index));
      call.on('error', reject);
      call.on('status', resolve);
    });
    expect(status.code === grpc.status.OK, `code ${status.code}`);
    expect(JSON.stringify(indexes) === JSON.stringify([...Array(25).keys()]), `indexes ${indexes}`);
  },

  async streaming_cancellation() {
    const indexes = [];
    const error = await new Promise((resolve) => {
      const call = echo.Count({ until_cancelled: true, delay_ms: 10, tag: args.streamCancelTag }, { deadline: deadlineIn(30000) });
      call.on('data', (reply) => {
        indexes.push(reply.index);
        if (indexes.length === 2) {
          call.cancel();
        }
      });
      call.on('error', resolve);
      call.on('end', () => resolve(null));
    });
    expect(error && error.code === grpc.status.CANCELLED, `code ${error && error.code}`);
    expect(indexes[0] === 0 && indexes[1] === 1, `indexes ${indexes}`);
  },

  async error_trailers_only() {
    const detail = 'refund beyond captured: 100% ≠ 50 %';
    const { error } = await unary(echo, 'Fail', { code: 9, message: detail }, { deadline: deadlineIn(10000) });
    expect(error && error.code === grpc.status.FAILED_PRECONDITION, `code ${error && error.code}`);
    expect(error.details === detail, `details ${error.details}`);
    const trailer = error.metadata.get('error-detail-bin')[0];
    expect(trailer && Buffer.compare(trailer, Buffer.from([0, 1, 2, 255])) === 0, 'trailer error-detail-bin');
  },

  async unknown_exception_hidden() {
    const { error } = await unary(echo, 'Crash', {}, { deadline: deadlineIn(10000) });
    expect(error && error.code === grpc.status.UNKNOWN, `code ${error && error.code}`);
    expect(!error.details.includes('hunter2'), 'secret leaked');
  },

  async unimplemented() {
    const { error } = await rawUnary('/no.such.Service/Method', { message: 'x' });
    expect(error && error.code === grpc.status.UNIMPLEMENTED, `code ${error && error.code}`);
  },

  async resource_exhausted() {
    const { error } = await unary(echo, 'Large', { payload_size: 5 * 1024 * 1024 }, { deadline: deadlineIn(10000) });
    expect(error && error.code === grpc.status.RESOURCE_EXHAUSTED, `code ${error && error.code}`);
  },

  async health_check() {
    const serving = await unary(health, 'Check', { service: '' }, { deadline: deadlineIn(10000) });
    expect(!serving.error && serving.response.status === 'SERVING', `status ${serving.response && serving.response.status}`);
    const unknown = await unary(health, 'Check', { service: 'no-such-service' }, { deadline: deadlineIn(10000) });
    expect(unknown.error && unknown.error.code === grpc.status.NOT_FOUND, `code ${unknown.error && unknown.error.code}`);
  },

  async health_watch() {
    const statuses = [];
    const setHealth = (status) => rawUnary(
      '/nordeaconnect.grpc.testing.v1.Delegates/SetHealth',
      { message: 'node-watch', payload: Buffer.from([status]) },
    );
    await new Promise((resolve, reject) => {
      const call = health.Watch({ service: 'node-watch' }, { deadline: deadlineIn(30000) });
      call.on('data', async (reply) => {
        statuses.push(reply.status);
        if (statuses.length === 1) {
          await setHealth(1);
        } else if (statuses.length === 2) {
          await setHealth(2);
        } else {
          call.cancel();
          resolve();
        }
      });
      call.on('error', (error) => (error.code === grpc.status.CANCELLED ? resolve() : reject(error)));
    });
    expect(JSON.stringify(statuses) === JSON.stringify(['SERVICE_UNKNOWN', 'SERVING', 'NOT_SERVING']), `statuses ${statuses}`);
  },
};

async function main() {
  let failures = 0;
  for (const [name, run] of Object.entries(scenarios)) {
    try {
      await run();
      console.log(`PASS ${name}`);
    } catch (error) {
      failures += 1;
      const why = error instanceof ScenarioFailure ? error.message : `${error.name}: ${error.message} ${error.stack}`.replace(/\n/g, ' | ');
      console.log(`FAIL ${name}: ${why}`);
    }
  }
  echo.close();
  gzipEcho.close();
  health.close();
  generic.close();
  process.exitCode = failures ? 1 : 0;
}

main();
