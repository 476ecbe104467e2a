import { SearchIcon } from './icons'
import { Input, type InputProps } from './input'

/** A search field with the magnifier icon; `onValueChange` gets the text. */
export function SearchInput({ onValueChange, ...props }: Omit<InputProps, 'type' | 'leading' | 'onChange'> & { onValueChange: (value: string) => void }) {
  return <Input type="search" leading={<SearchIcon className="size-4" />} onChange={(event) => onValueChange(event.target.value)} {...props} />
}
