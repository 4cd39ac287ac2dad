import { describe, expect, test } from 'vitest'
import { createRefillEstimate } from './refill-estimate'

/** Resets a tenant would send: full-again at `start + k × msPerToken`, rounded up to a second. */
function resetsOf(start: number, msPerToken: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => Math.ceil((start + k * msPerToken) / 1000) * 1000)
}

describe('createRefillEstimate', () => {
  test('knows nothing from one answer, or from answers with the same reset', () => {
    const estimate = createRefillEstimate()
    expect(estimate.msPerToken()).toBeUndefined()
    estimate.observe(5000)
    estimate.observe(5000)
    expect(estimate.msPerToken()).toBeUndefined()
  })

  test.each([
    [500, 19],
    [500, 6],
    [120, 19],
    [300, 10],
    [1000, 8],
    [2300, 8],
  ])('narrows in on %i ms per token within %i answers', (msPerToken, count) => {
    for (const start of [1_700_000_000_010, 1_700_000_000_333, 1_700_000_000_999]) {
      const estimate = createRefillEstimate()
      for (const reset of resetsOf(start, msPerToken, count)) estimate.observe(reset)
      const estimated = estimate.msPerToken() ?? NaN
      // Each extra answer narrows the bracket: the error is at most 1 s spread over the answers.
      expect(Math.abs(estimated - msPerToken)).toBeLessThanOrEqual(1000 / (count - 1))
    }
  })

  test('places answers that arrive out of order by their resets', () => {
    const inOrder = createRefillEstimate()
    const shuffled = createRefillEstimate()
    const resets = resetsOf(1_700_000_000_200, 500, 12)
    for (const reset of resets) inOrder.observe(reset)
    for (const reset of [...resets].reverse()) shuffled.observe(reset)
    expect(shuffled.msPerToken()).toBe(inOrder.msPerToken())
  })

  test('errs towards waiting longer when someone else spends from the bucket too', () => {
    const estimate = createRefillEstimate()
    // Every other token goes to another client: our answers are two tokens apart.
    for (const reset of resetsOf(1_700_000_000_100, 1000, 10)) estimate.observe(reset)
    expect(estimate.msPerToken()).toBeGreaterThanOrEqual(900)
  })
})
