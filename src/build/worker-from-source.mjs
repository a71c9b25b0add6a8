// The pool's worker when kasuhara-press runs from its TypeScript sources (tests, tsx): tsx
// compiles worker.ts on the fly. The compiled tool uses dist/build/worker.js directly.
import { register } from 'tsx/esm/api';

register();
const { default: work } = await import('./worker.ts');
export default work;
