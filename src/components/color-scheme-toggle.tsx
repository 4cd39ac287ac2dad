import { Button, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import { LineIcon } from './line-icon'

/**
 * A toggle button for the dark theme. The app follows the system until the admin presses it;
 * Mantine then keeps the choice (the word "light" or "dark", nothing else) in localStorage.
 */
export function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme()
  const dark = useComputedColorScheme('light') === 'dark'
  return (
    <Button
      variant="subtle"
      color="gray"
      size="compact-md"
      aria-label="Dark theme"
      aria-pressed={dark}
      onClick={() => setColorScheme(dark ? 'light' : 'dark')}
    >
      {dark ? <SunIcon /> : <MoonIcon />}
    </Button>
  )
}

function MoonIcon() {
  return (
    <LineIcon size={18}>
      <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
    </LineIcon>
  )
}

function SunIcon() {
  return (
    <LineIcon size={18}>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </LineIcon>
  )
}
