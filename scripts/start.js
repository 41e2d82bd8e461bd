/**
 * `npm start`: builds if needed, then serves the dashboard (http://localhost:3000, or PORT).
 * On first start the server creates the database and loads the synthetic demo data.
 */
import { buildIfStale } from './build-if-stale.js';

buildIfStale();
process.env.PORT ??= '3000';
// adapter-node needs the public origin to check form posts; behind a proxy, set ORIGIN to its URL.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// Uploads stream the body and enforce their own limit (UPLOAD_MAX_BYTES); adapter-node's
// default of 512 kB would cut them off.
process.env.BODY_SIZE_LIMIT ??= 'Infinity';
console.log(`Starting on ${process.env.ORIGIN} …`);
await import('../build/index.js');
