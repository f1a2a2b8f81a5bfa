// A stand-in API worker for workers.spec.ts: answers its pid; `/exit` ends it after answering.
// WORKER_FIXTURE_FAIL=1 makes it end before it listens, as an API that cannot start.
const http = require('node:http');

if (process.env.WORKER_FIXTURE_FAIL === '1') process.exit(3);
http
  .createServer((req, res) => {
    res.setHeader('connection', 'close');
    res.end(String(process.pid));
    if (req.url === '/exit') setTimeout(() => process.exit(7), 20);
  })
  .listen(Number(process.env.WORKER_FIXTURE_PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
