/**
 * How long an answer from the Management API counts as fresh: going back to a user within a
 * minute costs no request. Memberships change rarely; every list shows "As of …" with Refresh.
 */
export const FRESH_FOR_MS = 60_000
