'use client'

import { useTranslations } from 'next-intl'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { DashboardActivity } from './dashboard-types'
import { axisTick, chartColors } from './chart-colors'
import type { ChartFormat } from './use-chart-format'

/** Messages in and out per day (30 days): two bars a day. */
export function MessagesChart({ data, format }: { data: DashboardActivity['messages']; format: ChartFormat }) {
  const t = useTranslations('dashboard.messages')
  const incoming = data.reduce((sum, d) => sum + d.incoming, 0)
  const outgoing = data.reduce((sum, d) => sum + d.outgoing, 0)
  return (
    <div>
      <div className="h-64 w-full" data-testid="messages-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -16 }} barGap={0}>
            <CartesianGrid stroke={chartColors.grid} vertical={false} />
            <XAxis dataKey="day" tickFormatter={format.day} tick={axisTick} minTickGap={12} tickLine={false} />
            <YAxis allowDecimals={false} tick={axisTick} tickFormatter={format.number} width={48} tickLine={false} axisLine={false} />
            <Tooltip labelFormatter={format.dayLabel} formatter={(value) => format.number(Number(value))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="incoming" name={t('incoming')} fill={chartColors.incoming} radius={[2, 2, 0, 0]} isAnimationActive={false} />
            <Bar dataKey="outgoing" name={t('outgoing')} fill={chartColors.outgoing} radius={[2, 2, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className="mt-2 text-xs text-slate-500 tabular-nums" data-testid="messages-total">
        {t('total', { incoming, outgoing })}
      </p>
    </div>
  )
}
