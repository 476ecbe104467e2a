import { ConversationActions } from '~/features/conversations/conversation-actions'
import { ConversationHeader } from '~/features/conversations/conversation-header'
import { ConversationView } from '~/features/conversations/conversation-view'
import { ThreadComposer } from '~/features/conversations/thread-composer'
import { orNotFound } from '~/features/shell/or-not-found'
import { getServerCaller } from '~/trpc/server'

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const conversation = await orNotFound((await getServerCaller()).conversations.byId({ conversationId: id }))
  return (
    <div className="flex h-full min-h-0 flex-col">
      <ConversationHeader client={conversation.client} />
      <ConversationActions conversationId={conversation.id} />
      <div className="min-h-0 flex-1">
        <ConversationView key={conversation.id} conversationId={conversation.id} footer={<ThreadComposer conversationId={conversation.id} />} />
      </div>
    </div>
  )
}
