import { cx } from './class-names'
import { fieldClasses } from './input'

/** A multi-line field styled like the inputs. */
export function Textarea({ className, ...props }: React.ComponentProps<'textarea'>) {
  return <textarea className={cx(fieldClasses, 'resize-y py-2 leading-relaxed', className)} {...props} />
}
