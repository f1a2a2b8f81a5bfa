// A stand-in API worker for workers.spec.ts: answers its pid; `/exit` ends it after answering.
// WORKER_FIXTURE_FAIL=1, or an existing file at WORKER_FIXTURE_FAIL_IF, makes it end before it
// listens, as an API that cannot start.
const { existsSync } = require('node:fs');
const http = require('node:http');

const failIf = process.env.WORKER_FIXTURE_FAIL_IF;
if (process.env.WORKER_FIXTURE_FAIL === '1' || (failIf && existsSync(failIf))) process.exit(3);
http
  .createServer((req, res) => {
    res.setHeader('connection', 'close');
    res.end(String(process.pid));
    if (req.url === '/exit') setTimeout(() => process.exit(7), 20);
  })
  .listen(Number(process.env.WORKER_FIXTURE_PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
