import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** WCAG 2.0 and 2.1, levels A and AA: what Orgscope promises (issue 5). */
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** A violation as a line a person can act on: rule, impact, what to fix, where. */
function describeViolation(violation: {
  id: string
  impact?: string | null
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}): string {
  const where = violation.nodes
    .slice(0, 5)
    .map((node) => `    ${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`)
    .join('\n')
  return `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n${where}`
}

/**
 * Runs axe over the whole page as it is now and fails on any serious or critical WCAG 2.1 AA
 * violation, listing each with its elements. Wait for the state under test before calling.
 */
export async function assertNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).analyze()
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  )
  expect(serious.map(describeViolation), `on ${page.url()}`).toEqual([])
}
