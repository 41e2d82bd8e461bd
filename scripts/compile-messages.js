// Compiles the UI messages before anything imports them (run on `npm install`).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.js';

await compile(paraglideOptions);
// The inlang SDK leaves timers behind that would keep the process alive for half a minute.
process.exit(0);
