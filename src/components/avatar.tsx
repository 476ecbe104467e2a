import { cx } from './class-names'

const palette = [
  'bg-brand-100 text-brand-800',
  'bg-sky-100 text-sky-800',
  'bg-violet-100 text-violet-800',
  'bg-amber-100 text-amber-800',
  'bg-rose-100 text-rose-800',
  'bg-teal-100 text-teal-800',
]

/** Up to two initials from a name; a stable colour from the seed (an id), so a person keeps their colour. */
export function Avatar({ name, seed, size = 'md', className }: { name: string; seed: string; size?: 'sm' | 'md' | 'lg'; className?: string }) {
  const initials =
    name
      .split(/\s+/)
      .filter((part) => /\p{L}/u.test(part))
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join('') || '#'
  let hash = 0
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return (
    <span
      aria-hidden
      className={cx(
        'inline-flex shrink-0 items-center justify-center rounded-full font-semibold select-none',
        size === 'sm' && 'size-8 text-xs',
        size === 'md' && 'size-10 text-sm',
        size === 'lg' && 'size-14 text-lg',
        palette[hash % palette.length],
        className,
      )}
    >
      {initials}
    </span>
  )
}
