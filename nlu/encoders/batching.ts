/**
 * Runs `embed` over `texts` in chunks of at most `chunkSize`, grouping texts of similar length,
 * and returns the vectors in the original order.
 *
 * @remarks Transformer encoders pad every text of a batch to the longest one, so sorting by
 * length before chunking wastes less work on padding; the vectors do not depend on the batch
 * they were computed in. The signal is checked between chunks: an aborted call stops after the
 * chunk in flight.
 */
export async function embedInChunks(options: {
  texts: readonly string[];
  chunkSize: number;
  signal?: AbortSignal;
  embed: (chunk: readonly string[]) => Promise<Float32Array[]>;
}): Promise<Float32Array[]> {
  const { texts, chunkSize, signal } = options;
  signal?.throwIfAborted();
  const order = texts.map((_, i) => i).sort((a, b) => (texts[a]?.length ?? 0) - (texts[b]?.length ?? 0));
  const out = new Array<Float32Array>(texts.length);
  for (let start = 0; start < order.length; start += chunkSize) {
    const positions = order.slice(start, start + chunkSize);
    const vectors = await options.embed(positions.map((i) => texts[i] ?? ''));
    positions.forEach((position, k) => {
      const vector = vectors[k];
      if (vector !== undefined) out[position] = vector;
    });
    signal?.throwIfAborted();
  }
  return out;
}

/**
 * Serialises async jobs: each starts after the previous one settled.
 *
 * @remarks Inference runtimes here are single-threaded and hold per-call buffers; running calls
 * one at a time bounds memory and gives each call the whole CPU instead of interleaving them.
 */
export function createSerialQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const result = tail.then(job, job);
    tail = result.catch(() => undefined);
    return result;
  };
}
