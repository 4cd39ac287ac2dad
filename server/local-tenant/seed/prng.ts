/**
 * A tiny seeded PRNG (mulberry32) with the few helpers the seed needs. Math.random would make the
 * seed differ between runs, and the e2e tests and README rely on the same tenant every time.
 */
export interface Random {
  /** A float in [0, 1). */
  next: () => number
  /** An integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number
  chance: (probability: number) => boolean
  pick: <T>(items: readonly T[]) => T
  /** `length` characters drawn from `alphabet`. */
  string: (length: number, alphabet: string) => string
  /** A new array with the items in a random order (Fisher–Yates). */
  shuffle: <T>(items: readonly T[]) => T[]
}

export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
export const HEX = '0123456789abcdef'
export const DIGITS = '0123456789'

export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)]
    if (item === undefined) throw new Error('pick() needs a non-empty list')
    return item
  }
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    string: (length, alphabet) => {
      let out = ''
      for (let i = 0; i < length; i++) out += alphabet.charAt(int(0, alphabet.length - 1))
      return out
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i)
        const a = copy[i] as T
        copy[i] = copy[j] as T
        copy[j] = a
      }
      return copy
    },
  }
}
