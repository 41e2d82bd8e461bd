/**
 * `npm start`: builds if needed, then serves the dashboard (port 3000, or PORT), printing the
 * addresses it answers at. On first start the server creates the database and loads the
 * synthetic demo data.
 */
import { buildIfStale } from './build-if-stale.js';

buildIfStale();
await import('./serve.js');
