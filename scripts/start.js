/**
 * `npm start`: builds if needed, then serves the dashboard (http://localhost:3000, or PORT).
 * On first start the server creates the database and loads the synthetic demo data.
 */
import { buildIfStale } from './build-if-stale.js';

buildIfStale();
process.env.PORT ??= '3000';
console.log(`Starting on http://localhost:${process.env.PORT} …`);
await import('../build/index.js');
