/**
 * A client's preferred language, decided from their recent messages rather than one: the last 20
 * messages with text vote, each by the detector's confidence, and a language needs a clear lead and a
 * minimum of evidence before it is set, more before it replaces another. A one-word "ok" or "рахмат"
 * changes nothing. A language chosen by an admin or operator (MANUAL) is never overwritten; clearing
 * it hands the decision back to the messages. Agents get the result (incoming-service.ts).
 */
import { db } from '../../db'
import { notFound } from '../../errors'
import { detectLanguageWithConfidence } from '../../text'
import { isMediaPlaceholder } from '../../text/media-placeholder'
import type { Tx } from './identity-lock'

/** How many of the client's latest messages with text vote. */
export const RECENT_MESSAGES = 20
/** The leader's share of the weighted votes, below which nothing changes. */
const MIN_SHARE = 0.6
/** Weighted votes needed to set a first language (one clear sentence). */
const MIN_WEIGHT_TO_SET = 0.6
/** Weighted votes and messages needed to replace a language already set. */
const MIN_WEIGHT_TO_CHANGE = 2
const MIN_MATCHES_TO_CHANGE = 3

/** What the messages say: the leading language with its weighted votes, and how many messages were in each language. */
export interface LanguageVotes {
  leader: string | null
  weight: number
  share: number
  /** Messages per detected language ('und' not counted). */
  counts: Record<string, number>
  /** Messages that voted (with text, 'und' ones included). */
  sampled: number
}

/** A message's vote: its text, and the detection stored with it when it was received (then not detected again). */
export interface LanguageSample {
  text: string
  detected?: { language: string; confidence: number } | null
}

/** Tallies the votes of message texts (newest first or any order). */
export function tallyLanguageVotes(texts: readonly (string | LanguageSample)[]): LanguageVotes {
  const weights: Record<string, number> = {}
  const counts: Record<string, number> = {}
  for (const sample of texts) {
    const { language, confidence } =
      typeof sample === 'string' ? detectLanguageWithConfidence(sample) : (sample.detected ?? detectLanguageWithConfidence(sample.text))
    if (language === 'und') continue
    weights[language] = (weights[language] ?? 0) + confidence
    counts[language] = (counts[language] ?? 0) + 1
  }
  const ranked = Object.entries(weights).sort((a, b) => b[1] - a[1])
  const total = ranked.reduce((sum, [, weight]) => sum + weight, 0)
  const [leader, weight] = ranked[0] ?? [null, 0]
  return { leader, weight, share: total > 0 ? weight / total : 0, counts, sampled: texts.length }
}

/** The language to keep: the current one unless the votes clearly and sufficiently point elsewhere. */
export function nextPreferredLanguage(current: string | null, votes: LanguageVotes): string | null {
  const { leader, weight, share } = votes
  if (!leader || leader === current || share < MIN_SHARE) return current
  if (!current) return weight >= MIN_WEIGHT_TO_SET ? leader : null
  return weight >= MIN_WEIGHT_TO_CHANGE && (votes.counts[leader] ?? 0) >= MIN_MATCHES_TO_CHANGE ? leader : current
}

/** The texts of the client's latest messages (theirs, not deleted, not media placeholders), newest first. */
async function recentClientTexts(organizationId: string, clientId: string, tx: Tx): Promise<LanguageSample[]> {
  const rows = await tx.message.findMany({
    where: { organizationId, conversation: { clientId, organizationId }, direction: 'INCOMING', sender: 'CLIENT', deletedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: RECENT_MESSAGES * 2,
    select: { content: true, language: true, metadata: true, editedAt: true },
  })
  return rows
    .map(languageSampleOf)
    .filter((sample): sample is LanguageSample => sample !== null)
    .slice(0, RECENT_MESSAGES)
}

/**
 * The detection stored when the message was received (incoming-service.ts: `language` and
 * `metadata.languageConfidence`), so a client's twenty recent messages are not detected again at each
 * new one; null for rows without it (imports, older rows, edited texts).
 */
function storedDetection(language: string | null, metadata: unknown): LanguageSample['detected'] {
  const confidence = (metadata as { languageConfidence?: unknown } | null)?.languageConfidence
  return language && typeof confidence === 'number' && Number.isFinite(confidence) ? { language, confidence } : null
}

/** The client's language state as the caller read it (the incoming transaction), so it is not read again. */
export type ClientLanguageState = {
  preferredLanguage: string | null
  preferredLanguageSource: string
  languageMatches: number | null
  languageSampled: number | null
}

/**
 * Decides the client's language again from their recent messages and stores it with its evidence
 * ("14 of 17"). A MANUAL choice is left alone. Returns the client's language (null when unknown or
 * when the client is not in this organization).
 */
export async function refreshClientLanguage(organizationId: string, clientId: string, tx: Tx = db, known?: ClientLanguageState): Promise<string | null> {
  const client =
    known ??
    (await tx.client.findFirst({
      where: { id: clientId, organizationId },
      select: { preferredLanguage: true, preferredLanguageSource: true, languageMatches: true, languageSampled: true },
    }))
  if (!client) return null
  if (client.preferredLanguageSource === 'MANUAL') return client.preferredLanguage
  return storeClientLanguage(tx, organizationId, clientId, client, await recentClientTexts(organizationId, clientId, tx))
}

/**
 * Decides the language from the samples (newest first, at most RECENT_MESSAGES used) and stores it when it
 * or its evidence changed: one statement, guarded by the source (a manual choice made meanwhile wins).
 * For callers that have the client's state and recent messages already (the incoming transaction read them).
 */
export async function storeClientLanguage(
  tx: Tx,
  organizationId: string,
  clientId: string,
  client: ClientLanguageState,
  samples: readonly LanguageSample[],
): Promise<string | null> {
  if (client.preferredLanguageSource === 'MANUAL') return client.preferredLanguage
  const votes = tallyLanguageVotes(samples.slice(0, RECENT_MESSAGES))
  const language = nextPreferredLanguage(client.preferredLanguage, votes)
  const matches = language ? (votes.counts[language] ?? 0) : null
  const sampled = language ? votes.sampled : null
  if (language === client.preferredLanguage && matches === client.languageMatches && sampled === client.languageSampled) return language
  await tx.$executeRaw`UPDATE clients SET "preferredLanguage" = ${language}, "languageMatches" = ${matches}, "languageSampled" = ${sampled}, "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE id = ${clientId} AND "organizationId" = ${organizationId} AND "preferredLanguageSource" = 'DETECTED'`
  return language
}

/** A stored message as a language sample: none for empty texts and media placeholders; an edited text is detected again. */
export function languageSampleOf(row: { content: string; language: string | null; metadata: unknown; editedAt: Date | null }): LanguageSample | null {
  if (!row.content.trim().length || isMediaPlaceholder(row.content)) return null
  return { text: row.content, detected: row.editedAt ? null : storedDetection(row.language, row.metadata) }
}

/**
 * An admin or operator sets the client's language (MANUAL, kept from then on), or clears the choice
 * (null): the language is decided from the messages again.
 */
export async function setClientLanguage(organizationId: string, clientId: string, language: string | null): Promise<{ language: string | null }> {
  return db.$transaction(async (tx) => {
    const found = await tx.client.updateMany({
      where: { id: clientId, organizationId },
      data: language
        ? { preferredLanguage: language, preferredLanguageSource: 'MANUAL', languageMatches: null, languageSampled: null }
        : { preferredLanguage: null, preferredLanguageSource: 'DETECTED', languageMatches: null, languageSampled: null },
    })
    if (found.count === 0) throw notFound('clientNotFound')
    return { language: language ?? (await refreshClientLanguage(organizationId, clientId, tx)) }
  })
}
