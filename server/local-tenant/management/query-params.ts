import { invalidQueryString, type Auth0Error } from './errors'

/**
 * Readers for query-string parameters that fail the way the Management API does: 400
 * invalid_query_string, "Query validation error: '<reason>' on property <name> (<description>)."
 */

export function queryValidationError(
  name: string,
  description: string,
  reason: string,
): Auth0Error {
  return invalidQueryString(
    `Query validation error: '${reason}' on property ${name} (${description}).`,
  )
}

/** The one value of `name`, or undefined; sent twice, it is an array, which no parameter takes. */
export function readSingle(
  params: URLSearchParams,
  name: string,
  description: string,
): string | undefined {
  const values = params.getAll(name)
  if (values.length > 1) {
    throw queryValidationError(name, description, 'Expected type string but found type array')
  }
  return values[0]
}

export function readInteger(
  params: URLSearchParams,
  name: string,
  description: string,
  range: { min: number; max?: number; fallback: number },
): number {
  const raw = readSingle(params, name, description)
  if (raw === undefined) return range.fallback
  if (!/^-?\d+$/.test(raw)) {
    throw queryValidationError(name, description, 'Expected type integer but found type string')
  }
  const value = Number(raw)
  if (value < range.min) {
    throw queryValidationError(name, description, `Number is less than minimum (${range.min})`)
  }
  if (range.max !== undefined && value > range.max) {
    throw queryValidationError(name, description, `Number is greater than maximum (${range.max})`)
  }
  return value
}

export function readBoolean(
  params: URLSearchParams,
  name: string,
  description: string,
  fallback: boolean,
): boolean {
  const raw = readSingle(params, name, description)
  if (raw === undefined) return fallback
  if (raw === 'true') return true
  if (raw === 'false') return false
  throw queryValidationError(name, description, 'Expected type boolean but found type string')
}
