import { run } from '../src/cli/main.js';
const code = await run(process.argv.slice(2), { out: console.log, err: console.error, env: process.env, cwd: '/work/main' });
console.log('exit', code);
