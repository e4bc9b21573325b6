/**
 * `feed()`: test data for virtual users, one row per iteration or per user. The runtime (orders,
 * file loading, segment striping) lives in src/engine/feeds/feed.ts.
 */

export { type Feed, type FeedCaller, type FeedOptions, type FeedOrder, feed } from '../engine/feeds/feed.js';
