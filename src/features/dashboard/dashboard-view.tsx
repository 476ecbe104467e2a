'use client'

import { useQuery } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useTRPC } from '~/trpc/react'
import { ChartCard } from './chart-card'
import { DeliveryChart } from './delivery-chart'
import { FirstResponseChart } from './first-response-chart'
import { MessagesChart } from './messages-chart'
import { QuotaGauges } from './quota-gauges'
import { UptimeStrip } from './uptime-strip'
import { useChartFormat } from './use-chart-format'

/** A minute: the figures are aggregates, a page left open refreshes them now and then (no live stream). */
const REFRESH_MS = 60_000

/** The org admin's dashboard (issue 16 point 3): five charts, one card each, in one column on a phone. */
export function DashboardView() {
  const t = useTranslations('dashboard')
  const trpc = useTRPC()
  const activity = useQuery(trpc.dashboard.activity.queryOptions({ days: 30 }, { refetchInterval: REFRESH_MS }))
  const delivery = useQuery(trpc.dashboard.delivery.queryOptions({ days: 7 }, { refetchInterval: REFRESH_MS }))
  const uptime = useQuery(trpc.dashboard.uptime.queryOptions({ days: 7 }, { refetchInterval: REFRESH_MS }))
  const quota = useQuery(trpc.dashboard.quota.queryOptions(undefined, { refetchInterval: REFRESH_MS }))
  const timeZone = activity.data?.timeZone ?? delivery.data?.timeZone ?? uptime.data?.timeZone
  const format = useChartFormat(timeZone)

  return (
    <div className="space-y-4">
      {timeZone && (
        <p className="text-xs text-slate-500" data-testid="dashboard-time-zone">
          {t('timeZone', { timeZone })}
        </p>
      )}
      <div className="grid min-w-0 gap-4 lg:grid-cols-2">
        <ChartCard
          className="lg:col-span-2"
          testId="dashboard-messages"
          title={t('messages.title')}
          subtitle={t('messages.subtitle')}
          query={activity}
          empty={activity.data?.messages.every((d) => d.incoming + d.outgoing === 0)}
          emptyText={t('messages.empty')}
        >
          {activity.data && <MessagesChart data={activity.data.messages} format={format} />}
        </ChartCard>
        <ChartCard
          testId="dashboard-first-response"
          title={t('firstResponse.title')}
          subtitle={t('firstResponse.subtitle')}
          query={activity}
          empty={activity.data?.firstResponse.every((d) => d.answered === 0)}
          emptyText={t('firstResponse.empty')}
          help={t('firstResponse.help')}
        >
          {activity.data && <FirstResponseChart data={activity.data.firstResponse} format={format} />}
        </ChartCard>
        <ChartCard testId="dashboard-quota" title={t('quota.title')} subtitle={t('quota.subtitle')} query={quota} help={t('quota.help')}>
          {quota.data && <QuotaGauges data={quota.data} format={format} />}
        </ChartCard>
        <ChartCard
          testId="dashboard-delivery"
          title={t('delivery.title')}
          subtitle={t('delivery.subtitle')}
          query={delivery}
          empty={delivery.data?.days.every((d) => d.read + d.delivered + d.sent + d.failed === 0)}
          emptyText={t('delivery.empty')}
        >
          {delivery.data && <DeliveryChart data={delivery.data.days} format={format} />}
        </ChartCard>
        <ChartCard testId="dashboard-uptime" title={t('uptime.title')} subtitle={t('uptime.subtitle')} query={uptime}>
          {uptime.data && <UptimeStrip data={uptime.data} format={format} />}
        </ChartCard>
      </div>
    </div>
  )
}
