import { describe, expect, it } from 'vitest'
import { ALPHANUMERIC, createRandom } from './prng'

describe('createRandom', () => {
  it('repeats the same sequence for the same seed, and another for another seed', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    const c = createRandom(43)
    const draw = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.next())
    const first = draw(a)
    expect(draw(b)).toEqual(first)
    expect(draw(c)).not.toEqual(first)
  })

  it('stays within its ranges', () => {
    const random = createRandom(7)
    for (let i = 0; i < 1000; i++) {
      const n = random.int(3, 5)
      expect(n).toBeGreaterThanOrEqual(3)
      expect(n).toBeLessThanOrEqual(5)
      expect(random.next()).toBeLessThan(1)
    }
    expect(random.string(16, ALPHANUMERIC)).toMatch(/^[A-Za-z0-9]{16}$/)
  })

  it('shuffles into a permutation without touching the input', () => {
    const input = Array.from({ length: 50 }, (_, i) => i)
    const shuffled = createRandom(1).shuffle(input)
    expect(shuffled).not.toEqual(input)
    expect([...shuffled].sort((x, y) => x - y)).toEqual(input)
    expect(input[0]).toBe(0)
  })
})
