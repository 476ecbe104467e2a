'use client'

import { useTranslations } from 'next-intl'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { DashboardDelivery } from './dashboard-types'
import { axisTick, chartColors } from './chart-colors'
import type { ChartFormat } from './use-chart-format'

const outcomes = ['read', 'delivered', 'sent', 'failed'] as const

/** What became of each day's outgoing messages (7 days): stacked bars, read at the bottom. */
export function DeliveryChart({ data, format }: { data: DashboardDelivery['days']; format: ChartFormat }) {
  const t = useTranslations('dashboard.delivery')
  return (
    <div className="h-64 w-full" data-testid="delivery-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -16 }}>
          <CartesianGrid stroke={chartColors.grid} vertical={false} />
          <XAxis dataKey="day" tickFormatter={format.day} tick={axisTick} tickLine={false} />
          <YAxis allowDecimals={false} tick={axisTick} tickFormatter={format.number} width={48} tickLine={false} axisLine={false} />
          <Tooltip labelFormatter={format.dayLabel} formatter={(value) => format.number(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {outcomes.map((outcome) => (
            <Bar key={outcome} dataKey={outcome} name={t(outcome)} stackId="outcome" fill={chartColors[outcome]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
