import type { Memberships } from '@/features/organizations/api'
import type { Organization, User } from '@/lib/management-api/schemas'
import type { RefusedLine, ReviewEntry } from './review-input'

// A bulk review as data: what each entry resolved to, where each user's memberships are, and
// every failure kept beside what did load. Pure: the hook folds the run's events in with
// `reviewReducer`, and the page reads it through the selectors below.

/** Where one lookup is. `running` carries the reset a 429 is waiting for, while it waits. */
export type Step<TResult> =
  | { status: 'queued' }
  | { status: 'running'; retryAt?: Date }
  | { status: 'done'; result: TResult }
  | { status: 'failed'; error: unknown }
  | { status: 'cancelled' }

export interface LoadedMemberships {
  memberships: Memberships
  /** When the list was fetched (the query's dataUpdatedAt): a cached list can be older. */
  fetchedAt: number
}

export interface ReviewedUser {
  user: User
  step: Step<LoadedMemberships>
}

export interface ReviewState {
  entries: readonly ReviewEntry[]
  /** Lines of the list that were neither an id nor an email: never looked up, still evidence. */
  refused: readonly RefusedLine[]
  /** By entry index: the ids of the users the entry resolved to, once it has. */
  entrySteps: readonly Step<readonly string[]>[]
  /** Every user an entry resolved to, once, by id. */
  users: ReadonlyMap<string, ReviewedUser>
  running: boolean
}

export type ReviewEvent =
  | { type: 'reset'; entries: readonly ReviewEntry[]; refused: readonly RefusedLine[] }
  /** A run starts for these entries and users: they are queued again. */
  | { type: 'started'; entries: readonly number[]; userIds: readonly string[] }
  | { type: 'entry'; index: number; step: Step<readonly string[]> }
  | { type: 'resolved'; index: number; users: readonly User[] }
  | { type: 'user'; userId: string; step: Step<LoadedMemberships> }
  /** The run ended (finished or cancelled): anything it had not finished is cancelled. */
  | { type: 'finished' }

export const emptyReview: ReviewState = {
  entries: [],
  refused: [],
  entrySteps: [],
  users: new Map(),
  running: false,
}

const QUEUED = { status: 'queued' } as const
const CANCELLED = { status: 'cancelled' } as const

function unfinished(step: Step<unknown>): boolean {
  return step.status === 'queued' || step.status === 'running'
}

export function reviewReducer(state: ReviewState, event: ReviewEvent): ReviewState {
  switch (event.type) {
    case 'reset':
      return {
        ...emptyReview,
        entries: event.entries,
        refused: event.refused,
        entrySteps: event.entries.map(() => QUEUED),
      }
    case 'started': {
      const entrySteps = [...state.entrySteps]
      for (const index of event.entries) entrySteps[index] = QUEUED
      const users = new Map(state.users)
      for (const userId of event.userIds) {
        const reviewed = users.get(userId)
        if (reviewed) users.set(userId, { ...reviewed, step: QUEUED })
      }
      return { ...state, entrySteps, users, running: true }
    }
    case 'entry': {
      const entrySteps = [...state.entrySteps]
      entrySteps[event.index] = event.step
      return { ...state, entrySteps }
    }
    case 'resolved': {
      const entrySteps = [...state.entrySteps]
      entrySteps[event.index] = {
        status: 'done',
        result: event.users.map((user) => user.user_id),
      }
      const users = new Map(state.users)
      for (const user of event.users) {
        const known = users.get(user.user_id)
        users.set(user.user_id, { user, step: known?.step ?? QUEUED })
      }
      return { ...state, entrySteps, users }
    }
    case 'user': {
      const reviewed = state.users.get(event.userId)
      if (!reviewed) return state
      const users = new Map(state.users)
      users.set(event.userId, { ...reviewed, step: event.step })
      return { ...state, users }
    }
    case 'finished': {
      const entrySteps = state.entrySteps.map((step) => (unfinished(step) ? CANCELLED : step))
      const users = new Map(
        [...state.users].map(([id, reviewed]) => [
          id,
          unfinished(reviewed.step) ? { ...reviewed, step: CANCELLED } : reviewed,
        ]),
      )
      return { ...state, entrySteps, users, running: false }
    }
  }
}

/** The users entry `index` resolved to, once it has; none before. */
function usersOf(state: ReviewState, index: number): ReviewedUser[] {
  const step = state.entrySteps[index]
  if (step?.status !== 'done') return []
  return step.result.flatMap((userId) => state.users.get(userId) ?? [])
}

export interface ReviewProgress {
  /** Entries given. */
  total: number
  /** Entries whose lookups all finished, loaded or failed. */
  reviewed: number
  /** Entries whose lookups all loaded. */
  done: number
  /** Lookups that failed for good: entries not resolved plus users whose memberships failed. */
  failed: number
  /** Entries that did not resolve to any account (unknown, or the lookup failed). */
  entriesFailed: number
  /** Accounts the entries resolved to (an email can name two; two entries can name one). */
  usersFound: number
  /** Accounts found whose memberships failed to load. */
  usersFailed: number
  /** Lookups held back by a 429, and the latest reset they wait for. */
  waiting: number
  waitingUntil: Date | undefined
  /** Entries a cancel left unfinished. */
  cancelled: number
}

export function reviewProgress(state: ReviewState): ReviewProgress {
  const steps = [...state.entrySteps, ...[...state.users.values()].map((reviewed) => reviewed.step)]
  const retryAts = steps.flatMap((step) =>
    step.status === 'running' && step.retryAt ? [step.retryAt] : [],
  )
  const userStatuses = (index: number) => usersOf(state, index).map(({ step }) => step.status)
  const entriesWhere = (test: (step: Step<unknown>, index: number) => boolean) =>
    state.entrySteps.filter(test).length
  return {
    total: state.entries.length,
    reviewed: entriesWhere(
      (step, index) =>
        step.status === 'failed' ||
        (step.status === 'done' &&
          userStatuses(index).every((status) => status === 'done' || status === 'failed')),
    ),
    done: entriesWhere(
      (step, index) =>
        step.status === 'done' && userStatuses(index).every((status) => status === 'done'),
    ),
    failed: steps.filter((step) => step.status === 'failed').length,
    entriesFailed: entriesWhere((step) => step.status === 'failed'),
    usersFound: state.users.size,
    usersFailed: [...state.users.values()].filter(({ step }) => step.status === 'failed').length,
    waiting: retryAts.length,
    waitingUntil: retryAts.length
      ? new Date(Math.max(...retryAts.map((date) => date.getTime())))
      : undefined,
    cancelled: entriesWhere(
      (step, index) =>
        step.status === 'cancelled' || userStatuses(index).some((status) => status === 'cancelled'),
    ),
  }
}

/** One row of the results: a user in one organization, or a user in none (`organization` unset). */
export interface ReviewRow {
  /** The entries that found this user, as given. */
  inputs: readonly string[]
  user: User
  organization?: Organization
}

/** A user whose memberships loaded, with the entries that found them. */
export interface ReviewedMemberships extends LoadedMemberships {
  inputs: readonly string[]
  user: User
}

/**
 * Users whose memberships loaded, in the order of the entries that found them (a user found by
 * two entries shows once, with both).
 */
export function loadedUsers(state: ReviewState): ReviewedMemberships[] {
  const inputs = new Map<string, string[]>()
  const order: ReviewedUser[] = []
  state.entries.forEach((entry, index) => {
    for (const reviewed of usersOf(state, index)) {
      const found = inputs.get(reviewed.user.user_id)
      if (found) found.push(entry.input)
      else {
        inputs.set(reviewed.user.user_id, [entry.input])
        order.push(reviewed)
      }
    }
  })
  return order.flatMap(({ user, step }) =>
    step.status === 'done'
      ? [{ user, inputs: inputs.get(user.user_id) ?? [], ...step.result }]
      : [],
  )
}

/** The results table: every loaded user × organization, in entry order and then the API's. */
export function reviewRows(users: readonly ReviewedMemberships[]): ReviewRow[] {
  return users.flatMap(({ inputs, user, memberships }) =>
    memberships.items.length === 0
      ? [{ inputs, user }]
      : memberships.items.map((organization) => ({ inputs, user, organization })),
  )
}

/** A lookup that failed for good: the entry as given, the user if it got that far, the error. */
export interface ReviewFailure {
  input: string
  user?: User
  error: unknown
}

export function reviewFailures(state: ReviewState): ReviewFailure[] {
  const reported = new Set<string>()
  return state.entries.flatMap((entry, index): ReviewFailure[] => {
    const step = state.entrySteps[index]
    if (step?.status === 'failed') return [{ input: entry.input, error: step.error }]
    return usersOf(state, index).flatMap(({ user, step: userStep }) => {
      if (userStep.status !== 'failed' || reported.has(user.user_id)) return []
      reported.add(user.user_id)
      return [{ input: entry.input, user, error: userStep.error }]
    })
  })
}

/** What a new run would take up: entries and users in `status`, for "Retry failed" / "Resume". */
export function lookupsIn(
  state: ReviewState,
  status: 'failed' | 'cancelled',
): { entries: number[]; userIds: string[] } {
  return {
    entries: state.entrySteps.flatMap((step, index) => (step.status === status ? [index] : [])),
    userIds: [...state.users.values()].flatMap(({ user, step }) =>
      step.status === status ? [user.user_id] : [],
    ),
  }
}
