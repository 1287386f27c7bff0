// Calls the gateway's TLS port with @grpc/grpc-js, trusting only the test CA.
// Prints PASS/FAIL lines like tls_call.py. usage: node tls_call.js --target 127.0.0.1:P --ca ca.pem --token T
'use strict';
const fs = require('fs');
const path = require('path');
const grpc = require(path.join(__dirname, '..', 'node', 'node_modules', '@grpc', 'grpc-js'));

function option(name) {
  const index = process.argv.indexOf('--' + name);
  if (index < 0 || index + 1 >= process.argv.length) throw new Error('missing --' + name);
  return process.argv[index + 1];
}

const identity = (b) => b;
const client = new grpc.Client(option('target'), grpc.credentials.createSsl(fs.readFileSync(option('ca'))));
let failures = 0;

function report(name, ok, detail) {
  console.log((ok ? 'PASS ' : 'FAIL ') + name + (ok ? '' : ': ' + detail));
  if (!ok) failures++;
}

function call(method, bytes, metadata) {
  return new Promise((resolve) => {
    const deadline = new Date(Date.now() + 10000);
    client.makeUnaryRequest(method, identity, identity, bytes, metadata, { deadline }, (error, answer) => resolve({ error, answer }));
  });
}

(async () => {
  const health = await call('/grpc.health.v1.Health/Check', Buffer.alloc(0), new grpc.Metadata());
  report('health_over_tls', !health.error && Buffer.compare(health.answer, Buffer.from([8, 1])) === 0, String(health.error || health.answer.toString('hex')));

  const anonymous = await call('/nordeaconnect.grains.v1.Transactions/Get', Buffer.from([8, 1]), new grpc.Metadata());
  const code = anonymous.error && anonymous.error.metadata.get('nc-result-code')[0];
  report('unauthenticated_without_token', anonymous.error && anonymous.error.code === grpc.status.UNAUTHENTICATED && code === '100.400.401', String(anonymous.error && anonymous.error.code));

  const md = new grpc.Metadata();
  md.set('authorization', 'Bearer ' + option('token'));
  const read = await call('/nordeaconnect.grains.v1.Transactions/Get', Buffer.from([8, 0xb1, 0xd1, 0xf9, 0xd6, 0x03]), md);
  const refusedCodes = [grpc.status.UNAUTHENTICATED, grpc.status.PERMISSION_DENIED, grpc.status.UNAVAILABLE];
  report('read_with_token', !read.error || !refusedCodes.includes(read.error.code), String(read.error && read.error.code));
  client.close();
  process.exit(failures ? 1 : 0);
})();
