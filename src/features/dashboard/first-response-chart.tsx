'use client'

import { useTranslations } from 'next-intl'
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { DashboardActivity } from './dashboard-types'
import { axisTick, chartColors } from './chart-colors'
import type { ChartFormat } from './use-chart-format'

type Day = DashboardActivity['firstResponse'][number]

/** The operators' median first-response time per day (30 days), in minutes; days without answers leave a gap. */
export function FirstResponseChart({ data, format }: { data: DashboardActivity['firstResponse']; format: ChartFormat }) {
  const t = useTranslations('dashboard.firstResponse')
  const points = data.map((d) => ({ ...d, minutes: d.medianSeconds === null ? null : Math.round((d.medianSeconds / 60) * 10) / 10 }))
  return (
    <div className="h-64 w-full" data-testid="first-response-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
          <CartesianGrid stroke={chartColors.grid} vertical={false} />
          <XAxis dataKey="day" tickFormatter={format.day} tick={axisTick} minTickGap={12} tickLine={false} />
          <YAxis tick={axisTick} tickFormatter={(value: number) => t('axisMinutes', { value })} width={56} tickLine={false} axisLine={false} />
          <Tooltip
            labelFormatter={format.dayLabel}
            formatter={(_value, _name, item) => {
              const day = item.payload as Day
              if (day.medianSeconds === null) return [t('unanswered', { count: day.unanswered }), t('median')]
              return [`${format.duration(day.medianSeconds)} · ${t('answered', { count: day.answered })}`, t('median')]
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            type="monotone"
            dataKey="minutes"
            name={t('median')}
            stroke={chartColors.median}
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
