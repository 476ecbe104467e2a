/**
 * Simulator isolation (issue 11 point 12) over HTTP. The simulated "WhatsApp servers" used to key bans
 * by phone digits: an admin of organization B linked B's simulated session under A's number and banned
 * it, and A's number was banned. Now each organization has its own simulated world. Business-side
 * devPhone actions (scan, logout, ban, network, injected failures) are for admins; operators get a
 * localized FORBIDDEN and keep the customer side.
 */
import { expect, test, type APIRequestContext } from '@playwright/test'
import { apiSignIn, callAs, codeOf, messageOf, resultOf } from './security-http'
import { users } from './whatsapp-helpers'

test.describe.configure({ timeout: 180_000 })

const SHARED_NUMBER = '+996555010203'

interface StatusView {
  status: string
  qrCode: string | null
  phoneNumber: string | null
}

interface PhoneState {
  linked: boolean
  phone: string | null
  banned: boolean
}

async function status(as: APIRequestContext): Promise<StatusView> {
  return resultOf<StatusView>(await callAs(as, 'query', 'whatsapp.status'))
}

/** Connect, then the simulated phone scans the pending QR as `phone`; waits for CONNECTED. */
async function linkAs(admin: APIRequestContext, phone: string) {
  if ((await status(admin)).status !== 'DISCONNECTED') {
    resultOf(await callAs(admin, 'mutation', 'whatsapp.disconnect', { logout: true }))
    await expect.poll(async () => (await status(admin)).status, { timeout: 30_000 }).toBe('DISCONNECTED')
  }
  // A device left linked by an earlier run (a banned session is not running, so disconnect cannot log it
  // out) would reconnect without a QR: the phone unlinks it first.
  resultOf(await callAs(admin, 'mutation', 'devPhone.logout', {}))
  resultOf(await callAs(admin, 'mutation', 'whatsapp.connect', {}))
  await expect.poll(async () => (await status(admin)).qrCode, { timeout: 30_000 }).toBeTruthy()
  resultOf(await callAs(admin, 'mutation', 'devPhone.scan', { phone }))
  await expect.poll(async () => (await status(admin)).status, { timeout: 30_000 }).toBe('CONNECTED')
}

async function unlink(admin: APIRequestContext) {
  await callAs(admin, 'mutation', 'devPhone.unban', {})
  await callAs(admin, 'mutation', 'devPhone.logout', {})
  resultOf(await callAs(admin, 'mutation', 'whatsapp.disconnect', { logout: true }))
  await expect.poll(async () => (await status(admin)).status, { timeout: 30_000 }).toBe('DISCONNECTED')
}

test('organization B cannot ban organization A’s simulated number', async ({ playwright }) => {
  const adminA = await apiSignIn(playwright, users.admin)
  const adminB = await apiSignIn(playwright, users.otherAdmin)
  try {
    await linkAs(adminA, SHARED_NUMBER)
    expect(resultOf<PhoneState>(await callAs(adminA, 'query', 'devPhone.state'))).toMatchObject({ linked: true, phone: SHARED_NUMBER, banned: false })

    // B links its own simulated session under A's number, then has it banned.
    await linkAs(adminB, SHARED_NUMBER)
    resultOf(await callAs(adminB, 'mutation', 'devPhone.ban', {}))
    await expect.poll(async () => resultOf<PhoneState>(await callAs(adminB, 'query', 'devPhone.state')).banned, { timeout: 15_000 }).toBe(true)
    await expect.poll(async () => (await status(adminB)).status, { timeout: 30_000 }).not.toBe('CONNECTED')

    // A's number is untouched in A's world, and A's connection stays up.
    expect(resultOf<PhoneState>(await callAs(adminA, 'query', 'devPhone.state'))).toMatchObject({ linked: true, phone: SHARED_NUMBER, banned: false })
    expect((await status(adminA)).status).toBe('CONNECTED')
    // B's devPhone calls naming A's organization are refused outright.
    expect(codeOf(await callAs(adminB, 'mutation', 'devPhone.ban', { organizationId: await orgIdOf(adminA) }))).toBe('FORBIDDEN')
    expect(resultOf<PhoneState>(await callAs(adminA, 'query', 'devPhone.state')).banned).toBe(false)
  } finally {
    await unlink(adminB)
    await unlink(adminA)
    await adminA.dispose()
    await adminB.dispose()
  }
})

async function orgIdOf(as: APIRequestContext): Promise<string> {
  return resultOf<{ organization: { id: string } }>(await callAs(as, 'query', 'user.me')).organization.id
}

test('an operator gets a localized FORBIDDEN for business-side devPhone actions and keeps the customer side', async ({ playwright }) => {
  const operator = await apiSignIn(playwright, users.operator)
  try {
    const refused: Array<[string, unknown]> = [
      ['devPhone.scan', {}],
      ['devPhone.ban', {}],
      ['devPhone.unban', {}],
      ['devPhone.logout', {}],
      ['devPhone.setNetwork', { up: false }],
      ['devPhone.failNextSends', { count: 1 }],
      ['devPhone.failNextAcks', { count: 1 }],
      ['devPhone.stallLogins', { count: 1 }],
      ['devPhone.expireQr', {}],
    ]
    for (const [path, input] of refused) {
      const answer = await callAs(operator, 'mutation', path, input)
      expect(codeOf(answer), path).toBe('FORBIDDEN')
      expect(messageOf(answer), path).toMatch(/только администратору|Only an admin|администраторго гана/)
    }
    // Nothing changed on the business phone.
    const state = resultOf<PhoneState & { networkDown: boolean }>(await callAs(operator, 'query', 'devPhone.state'))
    expect(state.banned).toBe(false)
    expect(state.networkDown).toBe(false)
    // The customer side stays open to operators.
    expect(codeOf(await callAs(operator, 'mutation', 'devPhone.sendAsCustomer', { from: '+996700555001', body: 'operator as a customer' }))).toBe('OK')
  } finally {
    await operator.dispose()
  }
})
