/**
 * Runs one download() in its own process, so that its peak RSS is its own:
 *   node child.mjs <url> <destination> '<options as JSON>'
 * With an IPC channel it sends { progress: bytes } messages, then { result, maxRssBytes }.
 */
import { download } from '../dist/index.js';

const [url, destination, json = '{}'] = process.argv.slice(2);
const options = JSON.parse(json);
const send = (message) => (process.send ? process.send(message) : console.log(JSON.stringify(message)));
if (process.send) options.onProgress = (event) => send({ progress: event.bytes });
const result = await download(url, destination, options);
send({ result, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
process.disconnect?.();
