import { lazy, useState, type ComponentType } from 'react'

export type PreloadableComponent<P extends object> = ComponentType<P> & {
  /** Starts loading the module (once); resolves when it is there. */
  preload: () => Promise<unknown>
}

/**
 * `React.lazy` that can be loaded ahead of time and, once loaded, renders at once. A plain lazy
 * component suspends on its first render even when its module is already in memory, and React
 * then holds the content back until 300 ms after the fallback appeared (its fallback throttle):
 * a returning admin waited that long before the page even asked for its data. Preloaded while
 * the session is checked, the page renders in the same pass as the app around it.
 */
export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): PreloadableComponent<P> {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<{ default: ComponentType<P> }> | undefined
  const preload = () =>
    (loading ??= load().then((module) => {
      loaded = module.default
      return module
    }))
  const Lazy = lazy(preload)

  function Preloadable(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component later
    // would remount the page and lose its state.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy)
    return <Component {...props} />
  }
  return Object.assign(Preloadable, { preload })
}
