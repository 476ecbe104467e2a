import { ConversationActions } from '~/features/conversations/conversation-actions'
import { ConversationHeader } from '~/features/conversations/conversation-header'
import { ConversationView } from '~/features/conversations/conversation-view'
import { ThreadComposer } from '~/features/conversations/thread-composer'
import { orNotFound } from '~/features/shell/or-not-found'
import { getServerCaller } from '~/trpc/server'

export default async function ConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ message?: string | string[]; compose?: string | string[] }>
}) {
  const { id } = await params
  // A search hit opens the thread at its message (?message=<id>); anything but one id-shaped value is ignored.
  const { message, compose } = await searchParams
  const focusMessageId = typeof message === 'string' && /^[-_a-zA-Z0-9]{1,64}$/.test(message) ? message : undefined
  const conversation = await orNotFound((await getServerCaller()).conversations.byId({ conversationId: id }))
  return (
    <div className="flex h-full min-h-0 flex-col">
      <ConversationHeader client={conversation.client} />
      <ConversationActions conversationId={conversation.id} />
      <div className="min-h-0 flex-1">
        <ConversationView
          key={`${conversation.id}:${focusMessageId ?? ''}`}
          conversationId={conversation.id}
          focusMessageId={focusMessageId}
          footer={<ThreadComposer conversationId={conversation.id} autoFocus={compose === '1'} />}
        />
      </div>
    </div>
  )
}
