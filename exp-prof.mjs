import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
const [db, ...sqlFiles] = process.argv.slice(2);
const instance = await DuckDBInstance.create(db, { memory_limit: '1GB' });
const c = await instance.connect();
for (const f of sqlFiles) {
  const { sql, params } = JSON.parse(fs.readFileSync(f, 'utf8'));
  for (let i = 0; i < 2; i++) { const cpu = process.cpuUsage(); const t = performance.now(); await c.run(process.env.PERSIST ? sql.replace('TEMP TABLE', 'TABLE') : sql, params); const d = process.cpuUsage(cpu); console.log(f, (performance.now() - t).toFixed(0), 'ms', ((d.user + d.system) / 1000).toFixed(0), 'cpu'); }
}
