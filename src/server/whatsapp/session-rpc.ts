/**
 * Calls from one node to the node that runs an organization's session, over Redis pub/sub: a request
 * on the owner's channel (`wa:rpc:<node>`), the answer on the caller's (`wa:rpc-reply:<node>`). The
 * send worker of any node uses it to hand the WhatsApp call of a send to the owner, so no send job is
 * re-delayed because its session runs elsewhere (the job itself, with its order, pacing, quota and
 * governor checks, stays where BullMQ gave it). Only ids and the message text travel, as in the queue.
 *
 * Failures come back as EngineErrors, so the send processor treats them as it treats its own engine's:
 * - nobody listens on the owner's channel (it died, or is past its shutdown): NOT_CONNECTED, retryable,
 *   marked `ownerDown` (the job waits for the takeover);
 * - no answer within the deadline: TIMEOUT, retryable (a send then goes through send recovery, which
 *   asks WhatsApp whether it arrived before sending again).
 */
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { redisSubscriber } from '../events/redis-subscriber'
import { logger } from '../logger'
import { redisKey } from '../redis'
import { EngineError, isEngineError, type EngineErrorCode } from './engine/errors'

export type RpcOp = 'sendToChat' | 'findRecentOutgoing' | 'getContact' | 'resolveIdentity' | 'isConnected'

interface RpcRequest {
  id: string
  from: string
  op: RpcOp
  organizationId: string
  args: unknown[]
}

type RpcError = { kind: 'engine'; code: EngineErrorCode; message: string; retryable: boolean } | { kind: 'other'; message: string }
type RpcReply = { id: string; ok: true; value: unknown } | { id: string; ok: false; error: RpcError }

export type RpcHandler = (op: RpcOp, organizationId: string, args: unknown[]) => Promise<unknown>

const requestChannel = (node: string) => redisKey('wa', 'rpc', node)
const replyChannel = (node: string) => redisKey('wa', 'rpc-reply', node)

/** An engine error raised because the owner did not listen (dead, or shut down): the job waits for the takeover. */
export class OwnerDownError extends EngineError {
  readonly ownerDown = true
}

export function isOwnerDown(error: unknown): boolean {
  return error instanceof OwnerDownError
}

export class SessionRpc {
  private readonly pending = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>()
  private unsubscribe: Array<() => void> = []
  private readonly log = logger.child({ component: 'session-rpc' })

  constructor(
    private readonly redis: Redis,
    readonly nodeId: string,
    private readonly handler: RpcHandler,
  ) {}

  /** Listens for requests to this node and for answers to its own requests. */
  async start(): Promise<void> {
    const subscriber = redisSubscriber()
    const [requests, replies] = await Promise.all([
      subscriber.subscribe(requestChannel(this.nodeId), (raw) => void this.onRequest(raw)),
      subscriber.subscribe(replyChannel(this.nodeId), (raw) => this.onReply(raw)),
    ])
    this.unsubscribe.push(requests, replies)
  }

  /** Stops answering (callers see the owner down) and fails calls still waiting. */
  stop(): void {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe()
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer)
      call.reject(new EngineError('NOT_CONNECTED', 'this server is shutting down', { retryable: true }))
      this.pending.delete(id)
    }
  }

  /** Runs `op` for the organization on `node`; rejects with an EngineError (see the file comment). */
  async call<T>(node: string, op: RpcOp, organizationId: string, args: unknown[], timeoutMs: number): Promise<T> {
    const request: RpcRequest = { id: randomUUID(), from: this.nodeId, op, organizationId, args }
    const answer = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(request.id)
        reject(new EngineError('TIMEOUT', `the server running this session did not answer ${op} within ${timeoutMs} ms`, { retryable: true }))
      }, timeoutMs)
      timer.unref?.()
      this.pending.set(request.id, { resolve, reject, timer })
    })
    // The answer may come before the publish below returns: never an unhandled rejection meanwhile (it is awaited below).
    answer.catch(() => undefined)
    let listeners: number
    try {
      listeners = await this.redis.publish(requestChannel(node), JSON.stringify(request))
    } catch (err) {
      this.settle(request.id)
      throw err
    }
    if (listeners === 0) {
      this.settle(request.id)
      throw new OwnerDownError('NOT_CONNECTED', `the server running this session (${node}) does not answer`, { retryable: true })
    }
    return (await answer) as T
  }

  private settle(id: string) {
    const call = this.pending.get(id)
    if (!call) return
    clearTimeout(call.timer)
    this.pending.delete(id)
    call.resolve(undefined)
  }

  private onReply(raw: string) {
    let reply: RpcReply
    try {
      reply = JSON.parse(raw) as RpcReply
    } catch {
      return
    }
    const call = this.pending.get(reply.id)
    if (!call) return
    clearTimeout(call.timer)
    this.pending.delete(reply.id)
    if (reply.ok) call.resolve(reply.value)
    else if (reply.error.kind === 'engine') call.reject(new EngineError(reply.error.code, reply.error.message, { retryable: reply.error.retryable }))
    else call.reject(new Error(reply.error.message))
  }

  private async onRequest(raw: string) {
    let request: RpcRequest
    try {
      request = JSON.parse(raw) as RpcRequest
    } catch {
      return
    }
    let reply: RpcReply
    try {
      reply = { id: request.id, ok: true, value: (await this.handler(request.op, request.organizationId, request.args)) ?? null }
    } catch (error) {
      reply = {
        id: request.id,
        ok: false,
        error: isEngineError(error)
          ? { kind: 'engine', code: error.code, message: error.message, retryable: error.retryable }
          : { kind: 'other', message: String((error as Error)?.message ?? error) },
      }
    }
    await this.redis
      .publish(replyChannel(request.from), JSON.stringify(reply))
      .catch((err: Error) => this.log.warn({ err: err.message, op: request.op }, 'rpc answer not delivered'))
  }
}
