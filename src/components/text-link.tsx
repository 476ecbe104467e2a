import Link from 'next/link'
import { cx } from './class-names'

/** A link inside running text (notes, hints), in the brand colour. */
export function TextLink({ className, ...props }: React.ComponentProps<typeof Link>) {
  return <Link className={cx('font-medium text-brand-700 underline-offset-2 hover:underline', className)} {...props} />
}

/** For `t.rich(key, { link: linkChunks('/path') })`: the message's <link> tag becomes a TextLink. */
export function linkChunks(href: string, testId?: string) {
  return function LinkChunks(chunks: React.ReactNode) {
    return (
      <TextLink href={href} data-testid={testId}>
        {chunks}
      </TextLink>
    )
  }
}
