/**
 * Where sessions run when several server processes ("nodes") share PostgreSQL and Redis.
 *
 * - Each node publishes its load (sessions it runs, live and import) and its capacity in a heartbeat
 *   hash with a TTL (`wa:node:<id>`), listed in the set `wa:nodes`. A node whose heartbeat expired
 *   (kill -9) is dropped from the set by the next placement.
 * - Placement is one Lua script, atomic in Redis: an organization without a lease is assigned to the
 *   least-loaded live node with room (ties: the asking node, then the lowest id), by writing that node's
 *   id into the organization's lease (the same SET PX lease as session-lease.ts) and counting it in the
 *   node's load at once (its heartbeat hash), so placements made in the same instant see it. The assigned
 *   node starts the session when it is told (the `wake` command) or on its next tick, whichever first.
 * - Handover (shutdown, rebalancing) is the same script in "handover" mode: the lease goes straight
 *   from this node to the least-loaded other node, so the session moves at once instead of after the TTL.
 */
import { totalmem } from 'node:os'
import type { Redis } from 'ioredis'
import { redisKey } from '../redis'
import { sessionLeaseKey } from './session-lease'

export const nodeSetKey = () => redisKey('wa', 'nodes')
const nodeKeyPrefix = () => `${redisKey('wa', 'node')}:`
export const nodeKey = (nodeId: string) => `${nodeKeyPrefix()}${nodeId}`

/**
 * KEYS[1] the lease, KEYS[2] the node set. ARGV: [1] this node, [2] lease TTL ms, [3] node key prefix,
 * [4] mode (`claim` | `handover`), [5] this node's load (its heartbeat's count is used when higher: sessions
 * others placed here that it has not started yet), [6] this node's capacity.
 * claim: a held lease returns {holder, 0}; a free one is assigned: {node, 1}; no node with room: {}.
 * handover: only the holder may hand over; the lease goes to the least-loaded other node ({node, 1});
 * {} when there is none (the lease stays the caller's, to release after its last status write).
 */
const PLACE_SCRIPT = `
local holder = redis.call('GET', KEYS[1])
local me, mode = ARGV[1], ARGV[4]
if mode == 'claim' and holder then return {holder, 0} end
if mode == 'handover' and holder ~= me then return {} end
local best, bestLoad = nil, nil
local mine = math.max(tonumber(ARGV[5]), tonumber(redis.call('HGET', ARGV[3] .. me, 'load') or '0'))
if mode == 'claim' and mine < tonumber(ARGV[6]) then best, bestLoad = me, mine end
for _, node in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if node ~= me then
    local v = redis.call('HMGET', ARGV[3] .. node, 'load', 'capacity')
    if not v[1] then
      redis.call('SREM', KEYS[2], node)
    else
      local load, cap = tonumber(v[1]), tonumber(v[2])
      if load < cap and (bestLoad == nil or load < bestLoad or (load == bestLoad and best ~= me and node < best)) then
        best, bestLoad = node, load
      end
    end
  end
end
if not best then return {} end
redis.call('SET', KEYS[1], best, 'PX', ARGV[2])
if redis.call('EXISTS', ARGV[3] .. best) == 1 then redis.call('HINCRBY', ARGV[3] .. best, 'load', 1) end
return {best, 1}
`

export interface Placement {
  /** The node holding the lease now. */
  node: string
  /** True when this call assigned it (it had no holder, or was handed over). */
  assigned: boolean
}

export interface NodeLoad {
  node: string
  load: number
  capacity: number
}

/** Memory one session takes, by engine, in MiB (docs/scaling.md: how these were measured). */
export const SESSION_MEMORY_MIB = { webjs: 400, simulator: 2 } as const
/** Memory kept for the server itself (Next.js, workers, Node heap) before sessions are counted. */
export const NODE_RESERVED_MIB = 1024
const SIMULATOR_CEILING = 2000

/**
 * The default MAX_SESSIONS_PER_NODE: (machine memory − 1 GiB for the server) × 0.8 / a session's memory,
 * at least 1 (the simulator at most 2,000: past that the Redis round trips, not memory, are the limit).
 */
export function defaultMaxSessions(engine: 'webjs' | 'simulator', totalBytes = totalmem()): number {
  const availableMib = (totalBytes / 1024 / 1024 - NODE_RESERVED_MIB) * 0.8
  const sessions = Math.max(1, Math.floor(availableMib / SESSION_MEMORY_MIB[engine]))
  return engine === 'simulator' ? Math.min(sessions, SIMULATOR_CEILING) : sessions
}

export class NodeRegistry {
  constructor(
    private readonly redis: Redis,
    readonly nodeId: string,
    readonly capacity: number,
    private readonly ttlMs: number,
  ) {}

  /** Publishes this node's load and capacity (TTL: the lease TTL, so a dead node leaves with its leases). */
  async heartbeat(load: number): Promise<void> {
    await this.redis
      .multi()
      .hset(nodeKey(this.nodeId), 'load', load, 'capacity', this.capacity)
      .pexpire(nodeKey(this.nodeId), this.ttlMs)
      .sadd(nodeSetKey(), this.nodeId)
      .exec()
  }

  /** Leaves the set: no placement picks this node any more (shutdown). */
  async leave(): Promise<void> {
    await this.redis.multi().srem(nodeSetKey(), this.nodeId).del(nodeKey(this.nodeId)).exec()
  }

  /** The organization's lease holder, assigning it to the least-loaded node when free; null when every node is full. */
  async claim(organizationId: string, load: number): Promise<Placement | null> {
    return this.place(organizationId, 'claim', load)
  }

  /** Hands this node's lease of the organization to the least-loaded other node; null when there is none (the lease stays ours). */
  async handover(organizationId: string): Promise<Placement | null> {
    return this.place(organizationId, 'handover', 0)
  }

  /** Every live node's load (from the heartbeats), this one's included when it is registered. */
  async loads(): Promise<NodeLoad[]> {
    const nodes = await this.redis.smembers(nodeSetKey())
    if (nodes.length === 0) return []
    const pipeline = this.redis.pipeline()
    for (const node of nodes) pipeline.hmget(nodeKey(node), 'load', 'capacity')
    const rows = (await pipeline.exec()) ?? []
    const loads: NodeLoad[] = []
    rows.forEach(([err, value], i) => {
      const [load, capacity] = (value as [string | null, string | null] | undefined) ?? [null, null]
      if (!err && load !== null && capacity !== null) loads.push({ node: nodes[i]!, load: Number(load), capacity: Number(capacity) })
    })
    return loads
  }

  private async place(organizationId: string, mode: 'claim' | 'handover', load: number): Promise<Placement | null> {
    const result = (await this.redis.eval(
      PLACE_SCRIPT,
      2,
      sessionLeaseKey(organizationId),
      nodeSetKey(),
      this.nodeId,
      this.ttlMs,
      nodeKeyPrefix(),
      mode,
      load,
      this.capacity,
    )) as [string, number] | []
    if (result.length === 0) return null
    return { node: result[0], assigned: result[1] === 1 }
  }
}

/**
 * How many sessions this node should hand to others so that the live nodes even out: only while it runs
 * more than its share (⌈total/nodes⌉) and another node with room runs less; at most `batch` per pass,
 * so a node that joins takes sessions over a few ticks, not all at once.
 */
export function rebalanceCount(me: string, loads: NodeLoad[], batch: number): number {
  const mine = loads.find((l) => l.node === me)
  if (!mine || loads.length < 2) return 0
  const total = loads.reduce((sum, l) => sum + l.load, 0)
  const share = Math.ceil(total / loads.length)
  const roomBelowShare = loads.some((l) => l.node !== me && l.load < share && l.load < l.capacity)
  if (mine.load <= share || !roomBelowShare) return 0
  return Math.min(batch, mine.load - share)
}
