/**
 * The follower page's script (presenter mode), bundled by `bundle.mjs` into
 * `dist/client/follow.js`: served only by the follower listener, it holds no code that runs a
 * cell or saves (and the listener would refuse it anyway).
 */
import { takeToken } from '../address.js';
import { startFollowing } from './view.js';

startFollowing(takeToken());
