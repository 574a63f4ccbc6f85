// A downloader in a child process, for notebook 09-async-downloads: the notebook kills it with
// SIGKILL mid-way (no `finally`, no clean-up runs) and then resumes the download from what the
// `.part` and `.part.json` files say.
//
//   node download-child.mjs <url> <destination>
//
// Prints one line per progress event: the bytes of the file on disk so far.
import { download } from '@scalable-ts/net';

const [url, destination] = process.argv.slice(2);
await download(url, destination, {
  connections: 4,
  progressIntervalMs: 10,
  onProgress: (event) => console.log(event.bytes),
});
