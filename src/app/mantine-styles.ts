/**
 * The only place Mantine CSS is imported. We import per component instead of the 40 KiB
 * `@mantine/core/styles.css` to stay inside the 12 KiB (gzip) CSS budget.
 *
 * Order matters: rules have equal specificity, so a component's CSS must come after the CSS of the
 * components it is built on (UnstyledButton before Button, Popover before Menu). Keeping every
 * import in one file — rather than beside each component — is what guarantees that order; a
 * lazily loaded route importing `UnstyledButton.css` again would otherwise override `Button.css`.
 * Add a component's file here when you start using it (check its source for the ones it builds on).
 *
 * `default-css-variables.css` (4 KiB gzip, a third of the budget) is left out on purpose: the
 * MantineProvider writes every theme variable itself (`deduplicateCssVariables={false}` in
 * providers.tsx), from JS that ships anyway, before anything is rendered.
 */
import '@mantine/core/styles/baseline.css'
import '@mantine/core/styles/global.css'

// Building blocks other components reuse: first.
import '@mantine/core/styles/UnstyledButton.css'
import '@mantine/core/styles/Paper.css'
import '@mantine/core/styles/Popover.css'
import '@mantine/core/styles/Group.css'
import '@mantine/core/styles/Stack.css'
import '@mantine/core/styles/Loader.css'
import '@mantine/core/styles/Input.css'
import '@mantine/core/styles/InlineInput.css'

// Components used directly.
import '@mantine/core/styles/Text.css'
import '@mantine/core/styles/Title.css'
import '@mantine/core/styles/Anchor.css'
import '@mantine/core/styles/Code.css'
import '@mantine/core/styles/List.css'
import '@mantine/core/styles/Button.css'
import '@mantine/core/styles/Alert.css'
import '@mantine/core/styles/Avatar.css'
import '@mantine/core/styles/Menu.css'
import '@mantine/core/styles/Skeleton.css'
import '@mantine/core/styles/Switch.css'
import '@mantine/core/styles/Progress.css'
