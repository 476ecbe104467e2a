import { db } from '../../db'
import { notFound } from '../../errors'
import type { Locale } from '~/i18n/locales'

export async function getMe(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, locale: true, notifications: true, organization: { select: { id: true, name: true } } },
  })
  if (!user) throw notFound('userNotFound')
  return user
}

/** The user's own switch for browser notifications and sound on new customer messages. */
export async function setUserNotifications(userId: string, enabled: boolean) {
  await db.user.update({ where: { id: userId }, data: { notifications: enabled }, select: { id: true } })
  return { notifications: enabled }
}

export async function setUserLocale(userId: string, locale: Locale) {
  await db.user.update({ where: { id: userId }, data: { locale }, select: { id: true } })
  return { locale }
}
