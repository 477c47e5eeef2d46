/**
 * Child process of use-lite-parity.test.ts: encodes the texts given as JSON on argv with one
 * USE-lite runtime, behind the network guard, and prints `{ vectors, attempts }` as JSON.
 *
 * @remarks A separate process because USE-lite runtimes cannot share one (the tfjs engine is
 * process-global; see nlu/encoders/tfjs-runtime.ts).
 */
import { z } from 'zod';
import { createUseLiteEncoder } from '../../../nlu/encoders/index.js';
import { installNetworkGuard } from './network-guard.js';

const args = z.tuple([z.enum(['tfjs-wasm', 'tfjs-cpu', 'energetic']), z.string()]).parse(process.argv.slice(2));
const texts = z.array(z.string()).parse(JSON.parse(args[1]));
const guard = installNetworkGuard();
const encoder = await createUseLiteEncoder({ runtime: args[0] });
const vectors = await encoder.encode(texts);
await encoder.dispose?.();
process.stdout.write(`${JSON.stringify({ vectors: vectors.map((v) => Array.from(v)), attempts: guard.attempts })}\n`);
