import { Text } from '@mantine/core'
import { ScopeText } from './scope-text'

/** A failure's detail and next step, a paragraph each; scope names in them never break mid-word. */
export function FailureText({ detail, nextStep }: { detail: string; nextStep: string }) {
  return [detail, nextStep]
    .filter((text) => text !== '')
    .map((text) => (
      <Text size="sm" key={text}>
        <ScopeText>{text}</ScopeText>
      </Text>
    ))
}
