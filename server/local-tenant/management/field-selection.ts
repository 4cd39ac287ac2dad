import { queryValidationError, readBoolean, readSingle } from './query-params'

const FIELDS_DESCRIPTION =
  'Comma-separated list of fields to include or exclude (based on value provided for include_fields) in the result. Leave empty to retrieve all fields.'

/** `fields` and `include_fields`, as the endpoints that take them read them. */
export interface FieldSelection {
  /** The fields named; none means every field. */
  fields: ReadonlySet<string>
  /** include_fields: true (the default) returns only the named fields, false all but them. */
  include: boolean
}

/**
 * `fields=a,b` and `include_fields`, validated. `pattern` is the endpoint's own rule for
 * `fields`, where the reference gives one (the members list names its five fields).
 */
export function readFieldSelection(params: URLSearchParams, pattern?: RegExp): FieldSelection {
  const raw = readSingle(params, 'fields', FIELDS_DESCRIPTION) ?? ''
  if (pattern && raw !== '' && !pattern.test(raw)) {
    throw queryValidationError(
      'fields',
      FIELDS_DESCRIPTION,
      `String does not match pattern ${pattern.source}`,
    )
  }
  const include = readBoolean(
    params,
    'include_fields',
    'Whether specified fields are to be included (true) or excluded (false).',
    true,
  )
  const fields = new Set(
    raw
      .split(',')
      .map((field) => field.trim())
      .filter((field) => field.length > 0),
  )
  return { fields, include }
}

/** `record` with only the fields the selection keeps; the record itself when none are named. */
export function selectFields<T extends object>(record: T, selection: FieldSelection): Partial<T> {
  if (selection.fields.size === 0) return record
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => selection.fields.has(key) === selection.include),
  ) as Partial<T>
}
