// A bare echo worker for notebooks 06-threads and 07-processes: it imports nothing, so the time
// to its first answer is what any worker pays (a thread, a V8 isolate, Node's runtime), not the
// loading of a package. It answers every message at once (an ArrayBuffer with its byteLength),
// and closes its port on "stop", which lets the thread end.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (message) => {
  if (message === 'stop') parentPort.close();
  else parentPort.postMessage(message instanceof ArrayBuffer ? message.byteLength : message);
});
