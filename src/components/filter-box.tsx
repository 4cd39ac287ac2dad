import { TextInput } from '@mantine/core'

/**
 * The "Filter" box above a list that is filtered in memory as the admin types: full width on a
 * phone, beside the list's other tools on a wider screen.
 */
export function FilterBox({
  value,
  onChange,
  placeholder,
}: {
  value: string
  onChange: (value: string) => void
  placeholder: string
}) {
  return (
    <TextInput
      label="Filter"
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      size="sm"
      w={{ base: '100%', xs: 280 }}
      autoComplete="off"
      spellCheck={false}
    />
  )
}
