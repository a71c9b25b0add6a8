/**
 * The search behind auto-fit on a page that is too full (fitting.ts): the largest step k of
 * 0…n−1 at which the page fits, every fit group at k/n of its range between its minimum and
 * its styled size. Step n (the styled sizes) is the first layout, which overflowed. Each
 * probe is a whole layout of the page, so the search saves probes.
 *
 * Fitting is taken to be monotone (smaller text never needs more room): then there is one
 * answer, the one bisection finds, and any order of probes that brackets it (step k fits,
 * k + 1 overflows) finds the same. Bisection takes log2(n) = 7 probes. But how far a layout
 * overflows changes smoothly with the sizes: on the shipped posters (a footer row too wide)
 * linearly, within 1 % — so once two probes have overflowed, the line through their amounts
 * (with three, the parabola) predicts where the overflow ends, and a probe on each side of
 * the prediction brackets the answer: three probes there, five on a page of wrapped text.
 * At most MAX_PREDICTIONS predictions are followed, then it is bisection, so a search never
 * takes more than log2(n) + MAX_PREDICTIONS + 2 probes.
 */

export interface Probe {
  fits: boolean;
  /** How far the layout overflows, in pt (only when it does not fit; 0 if unknown). */
  amount: number;
}

/** Predicted probes per search; bisection after that (so a rough layout costs a few probes at most). */
const MAX_PREDICTIONS = 4;

/**
 * The largest k in 0…n−1 whose probe fits, given by how much step n overflows; undefined if
 * not even step 0 fits. Step 0 is probed only when nothing above it fits: under monotony a
 * larger step that fits proves it.
 */
export function largestFitting(n: number, overflowAtN: number, probe: (k: number) => Probe): number | undefined {
  let lo = 0; // fits (assumed until nothing else does)
  let hi = n; // overflows
  // Overflowing probes with a known amount, the lowest last.
  const over: { k: number; amount: number }[] = overflowAtN > 0 ? [{ k: n, amount: overflowAtN }] : [];
  let predictions = 0;
  while (hi - lo > 1) {
    const z = predictions < MAX_PREDICTIONS ? predictedEnd(over) : undefined;
    let k: number;
    if (z !== undefined && z > lo - 1 && z < hi + 1) {
      // Steps up to floor(z) fit, floor(z) + 1 overflows. The overflowing one is probed first
      // (unless known): its small amount sharpens the next prediction. A prediction just
      // outside the interval points at its edge; one further out is not followed.
      k = Math.min(hi - 1, Math.max(lo + 1, Math.floor(z) + 1));
      predictions++;
    } else if (over.length === 1 && hi === n) {
      // Only the styled sizes are known to overflow, and by how much: a step a little smaller
      // likely overflows too, and its amount gives the first line to predict from.
      k = (lo + 3 * hi) >> 2;
    } else k = (lo + hi) >> 1;
    const { fits, amount } = probe(k);
    if (fits) lo = k;
    else {
      hi = k;
      if (amount > 0) over.push({ k, amount });
    }
  }
  return lo > 0 || probe(0).fits ? lo : undefined;
}

/**
 * Where the overflow is predicted to end, below the lowest overflowing probe: the zero of the
 * parabola through the three lowest ones (wrapped text grows with the square of its size, so
 * a line would overshoot), else of the line through two; undefined if neither falls there.
 */
function predictedEnd(over: readonly { k: number; amount: number }[]): number | undefined {
  if (over.length < 2) return undefined;
  const [p0, p1, p2] = [over[over.length - 1]!, over[over.length - 2]!, over[over.length - 3]];
  const f01 = (p1.amount - p0.amount) / (p1.k - p0.k);
  if (p2) {
    // The amount near p0 as a·d² + b·d + p0.amount, d = k − p0.k; its zero nearest p0, in the
    // form that stays accurate when a is about 0.
    const a = ((p2.amount - p1.amount) / (p2.k - p1.k) - f01) / (p2.k - p0.k);
    const b = f01 + a * (p0.k - p1.k);
    const disc = b * b - 4 * a * p0.amount;
    if (b > 0 && disc >= 0) return p0.k - (2 * p0.amount) / (b + Math.sqrt(disc));
  }
  return f01 > 0 ? p0.k - p0.amount / f01 : undefined;
}
