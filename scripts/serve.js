/**
 * Serves the built app (build/), printing the addresses it answers at. `npm start` builds first;
 * tests start this directly on a build they made.
 */
import os from 'node:os';

/** Set on every request from its own connection; whatever a client sent under this name is replaced. */
const CONNECTION_PROTOCOL = 'x-court-connection-protocol';

process.env.PORT ??= '3000';
// Uploads stream the body and enforce their own limit (UPLOAD_MAX_BYTES); adapter-node's
// default of 512 kB would cut them off.
process.env.BODY_SIZE_LIMIT ??= 'Infinity';
// Without ORIGIN or a proxy's protocol header, adapter-node takes every request for https and the
// origin check refuses the forms of a plain-HTTP site. The protocol is then the connection's own
// and the host the one the browser asked for, so sign-in works at any address the server has.
const protocolFromConnection = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (protocolFromConnection) process.env.PROTOCOL_HEADER = CONNECTION_PROTOCOL;

const { server, host, port, path: socketPath } = await import('../build/index.js');
/** @type {import('node:http').Server} */
const http = server.server;
if (protocolFromConnection) {
	// Runs before the app's own listener: request listeners are called in order.
	http.prependListener('request', (request) => {
		request.headers[CONNECTION_PROTOCOL] = /** @type {import('node:tls').TLSSocket} */ (request.socket).encrypted ? 'https' : 'http';
	});
}

/** @returns {string[]} */
function addresses() {
	if (socketPath) return [`unix:${socketPath}`];
	const url = (/** @type {string} */ name) => `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
	if (host && host !== '0.0.0.0' && host !== '::') return [url(host)];
	const names = new Set(['localhost', '127.0.0.1', os.hostname()]);
	for (const list of Object.values(os.networkInterfaces()))
		for (const net of list ?? []) if (!net.internal && net.family === 'IPv4') names.add(net.address);
	return [...names].map(url);
}

function announce() {
	if (process.env.ORIGIN) console.log(`Public address: ${process.env.ORIGIN} (forms are accepted from this address only)`);
	else
		console.log(
			`Open the dashboard at any of:\n${addresses()
				.map((a) => `  ${a}`)
				.join('\n')}`
		);
}
if (http.listening) announce();
else http.once('listening', announce);
