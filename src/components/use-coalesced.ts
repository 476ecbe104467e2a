import { useEffect, useRef } from 'react'

/**
 * Returns a function that runs `run` once, `delayMs` after the first of a burst of calls (further
 * calls before then are absorbed): several live events in a row cause one refetch. A pending run is
 * dropped when the component unmounts.
 */
export function useCoalesced(run: () => void, delayMs: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )
  return () => {
    if (timer.current) return
    timer.current = setTimeout(() => {
      timer.current = null
      run()
    }, delayMs)
  }
}
