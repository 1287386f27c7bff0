'use strict';
// Calls one gRPC method from the command line with @grpc/grpc-js, loading the .proto files directly.
//
//   node grpc_call.js --proto-path ../../../protos --proto nordeaconnect/grains/v1/transactions.proto \
//     --target 127.0.0.1:5050 nordeaconnect.grains.v1.Transactions/Get --data '{"id": "..."}' \
//     --header 'authorization: Bearer dev-token'
//
// Unary and server-streaming methods: each response is printed as one JSON line on stdout. A failed call
// prints "ERROR <STATUS>: <details>" (and its trailers) on stderr and exits with 1. Add --ca cert.pem for TLS.

const fs = require('node:fs');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const usage = 'usage: node grpc_call.js --proto-path DIR --proto FILE [--proto FILE ...] --target HOST:PORT '
  + 'package.Service/Method [--data JSON] [--header "name: value" ...] [--timeout SECONDS] [--ca PEM]';

function parseArgs(argv) {
  const args = { protoPath: [], proto: [], header: [], data: '{}' };
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      if (args.method) {
        throw new Error(`Unexpected argument '${arg}'\n${usage}`);
      }
      args.method = arg;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) {
      throw new Error(`${arg} needs a value\n${usage}`);
    }
    const key = arg.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (Array.isArray(args[key])) {
      args[key].push(value);
    } else {
      args[key] = value;
    }
  }
  if (!args.method || !args.target || args.proto.length === 0 || args.protoPath.length === 0) {
    throw new Error(usage);
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv);
  const [serviceName, methodName] = args.method.replace(/^\//, '').split('/');
  const definition = protoLoader.loadSync(args.proto, {
    includeDirs: args.protoPath,
    keepCase: true,
    longs: String,
    enums: String,
    bytes: String,
    defaults: false,
  });
  const service = definition[serviceName];
  if (!service || !service[methodName]) {
    throw new Error(`${args.method} is not declared in ${args.proto.join(', ')}`);
  }
  const method = service[methodName];
  if (method.requestStream) {
    throw new Error(`${args.method} streams requests, which this tool does not support`);
  }

  const metadata = new grpc.Metadata();
  for (const header of args.header) {
    const colon = header.indexOf(':');
    if (colon <= 0) {
      throw new Error(`--header '${header}' must look like 'name: value'`);
    }
    const name = header.slice(0, colon).trim().toLowerCase();
    const value = header.slice(colon + 1).trim();
    metadata.add(name, name.endsWith('-bin') ? Buffer.from(value, 'utf8') : value);
  }

  const options = args.timeout ? { deadline: new Date(Date.now() + Number(args.timeout) * 1000) } : {};
  // --ca: TLS to a server with a certificate, trusting the given CA (or self-signed certificate).
  const credentials = args.ca ? grpc.credentials.createSsl(fs.readFileSync(args.ca)) : grpc.credentials.createInsecure();
  const client = new grpc.Client(args.target, credentials);
  const request = JSON.parse(args.data);
  const print = (response) => console.log(JSON.stringify(response));
  const fail = (error) => {
    const statusName = Object.keys(grpc.status).find((name) => grpc.status[name] === error.code) || String(error.code);
    console.error(`ERROR ${statusName}: ${error.details}`);
    for (const [key, value] of Object.entries(error.metadata ? error.metadata.getMap() : {})) {
      console.error(`trailer ${key}: ${Buffer.isBuffer(value) ? value.toString('base64') : value}`);
    }
    process.exitCode = 1;
  };

  if (method.responseStream) {
    const call = client.makeServerStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, request, metadata, options);
    call.on('data', print);
    call.on('error', fail);
    call.on('end', () => client.close());
    call.on('status', () => client.close());
  } else {
    client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, request, metadata, options, (error, response) => {
      if (error) {
        fail(error);
      } else {
        print(response);
      }
      client.close();
    });
  }
}

try {
  main();
} catch (error) {
  console.error(error.message);
  process.exitCode = 2;
}
