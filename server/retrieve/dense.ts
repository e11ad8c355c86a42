/** Dot products of one unit query vector with many unit vectors: their cosine similarities. */
export function cosineScores(query: ArrayLike<number>, vectors: Float32Array[]): Float64Array {
  const out = new Float64Array(vectors.length);
  for (let r = 0; r < vectors.length; r++) {
    const v = vectors[r];
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i] * query[i];
    out[r] = dot;
  }
  return out;
}

/** Cosine of a unit query vector with row `row` of a packed matrix of unit vectors. */
export function cosineRow(query: ArrayLike<number>, matrix: Float32Array, row: number, dims: number): number {
  let dot = 0;
  const base = row * dims;
  for (let i = 0; i < dims; i++) dot += matrix[base + i] * query[i];
  return dot;
}
