/** Places a thread's notes and system lines between its messages by time (pure, unit-tested). */
/**
 * Where each entry goes: before the first message written after it, or at the end. Entries older than
 * the first loaded message wait until older messages are loaded (unless there are none).
 */
export function placeEntries<M extends { id: string; createdAt: Date | string }, E extends { id: string; createdAt: Date | string }>(
  messages: M[],
  entries: E[],
  hasOlder: boolean,
) {
  const before = new Map<string, E[]>()
  const trailing: E[] = []
  const first = messages[0]
  let i = 0
  for (const entry of entries) {
    const at = new Date(entry.createdAt).getTime()
    if (hasOlder && first && at < new Date(first.createdAt).getTime()) continue
    while (i < messages.length && new Date(messages[i]!.createdAt).getTime() <= at) i += 1
    const next = messages[i]
    if (!next) trailing.push(entry)
    else before.set(next.id, [...(before.get(next.id) ?? []), entry])
  }
  return { before, trailing }
}
