#!/usr/bin/env node
'use strict';
// One call to the gateway, for trying it out:
//   node tests/interop/gateway/call.js --target 127.0.0.1:5080 --token <token> Transactions.Get '{"id": 1}'
// Prints the response as JSON; on failure prints the status, grpc-message and the gateway's result, and exits 1.

const { clients, metadata, resultOf, grpc } = require('./nc_client');

function usage(message) {
  console.error(message);
  console.error("usage: node call.js --target HOST:PORT --token TOKEN [--idempotency-key KEY] Service.Method '{json request}'");
  process.exit(2);
}

const args = process.argv.slice(2);
const options = { target: '127.0.0.1:5080' };
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i].startsWith('--')) {
    options[args[i].slice(2)] = args[++i];
  } else {
    positional.push(args[i]);
  }
}
if (positional.length < 1) {
  usage('Missing Service.Method');
}
const [service, method] = positional[0].split('.');
const all = clients(options.target);
const client = all[service];
if (!client || typeof client[method] !== 'function') {
  usage(`Unknown method ${positional[0]}; services: ${Object.keys(all).join(', ')}`);
}
let request;
try {
  request = JSON.parse(positional[1] || '{}');
} catch (e) {
  usage('The request is not JSON: ' + e.message);
}

const md = metadata(options.token, options['idempotency-key']);
const deadline = new Date(Date.now() + 30000);
if (client[method].responseStream) {
  const call = client[method](request, md, { deadline });
  call.on('data', (message) => console.log(JSON.stringify(message, null, 2)));
  call.on('error', (error) => fail(error));
} else {
  client[method](request, md, { deadline }, (error, response) => {
    if (error) {
      fail(error);
    } else {
      console.log(JSON.stringify(response, null, 2));
      process.exit(0);
    }
  });
}

function fail(error) {
  const name = Object.keys(grpc.status).find((key) => grpc.status[key] === error.code);
  console.error(`${name} (${error.code}): ${error.details}`);
  const result = resultOf(error);
  if (result) {
    console.error('result: ' + JSON.stringify(result));
  }
  process.exit(1);
}
