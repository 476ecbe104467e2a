import { ConversationList } from '~/features/conversations/conversation-list'
import { ConversationsSplit } from '~/features/conversations/conversations-split'

/** The list stays mounted while conversations are opened, so it keeps its scroll and search. */
export default function ConversationsLayout({ children }: { children: React.ReactNode }) {
  return <ConversationsSplit list={<ConversationList />}>{children}</ConversationsSplit>
}
