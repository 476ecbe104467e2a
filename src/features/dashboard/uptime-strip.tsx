'use client'

import { useTranslations } from 'next-intl'
import { Bar, BarChart, Cell as BarCell, ResponsiveContainer, Tooltip, XAxis } from 'recharts'
import type { DashboardUptime } from './dashboard-types'
import { axisTick, chartColors } from './chart-colors'
import type { ChartFormat } from './use-chart-format'

const states = ['connected', 'disconnected', 'error', 'unknown'] as const

interface Cell {
  index: number
  from: Date
  state: (typeof states)[number]
  value: number
}

/**
 * The connection over the last 7 days as a strip of hourly cells (connected, disconnected, error, or no
 * data), with the organization's local midnights as ticks, a legend and the share of time online.
 */
export function UptimeStrip({ data, format }: { data: DashboardUptime; format: ChartFormat }) {
  const t = useTranslations('dashboard.uptime')
  const cells: Cell[] = data.slots.map((slot, index) => ({ index, from: slot.from, state: slot.state, value: 1 }))
  const midnights = cells.filter((cell) => format.localHour(cell.from) === 0).map((cell) => cell.index)
  return (
    <div className="space-y-3">
      <div className="h-20 w-full" data-testid="uptime-strip">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={cells} margin={{ top: 4, right: 4, bottom: 0, left: 4 }} barCategoryGap={0}>
            <XAxis
              dataKey="index"
              ticks={midnights}
              interval={0}
              tickFormatter={(index: number) => (cells[index] ? format.day(format.localDayKey(cells[index].from)) : '')}
              tick={axisTick}
              tickLine={false}
              minTickGap={4}
            />
            <Tooltip
              cursor={{ fill: 'rgba(15, 23, 42, 0.08)' }}
              content={({ active, payload }) => {
                const cell = payload?.[0]?.payload as Cell | undefined
                if (!active || !cell) return null
                return (
                  <div className="rounded-md border border-slate-200 bg-white px-2 py-1 text-xs text-slate-700 shadow-sm">
                    {t('slot', { from: format.moment(cell.from), state: t(cell.state) })}
                  </div>
                )
              }}
            />
            <Bar dataKey="value" isAnimationActive={false}>
              {cells.map((cell) => (
                <BarCell key={cell.index} fill={chartColors[cell.state]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" data-testid="uptime-legend">
        {states.map((state) => (
          <li key={state} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block size-3 rounded-sm" style={{ background: chartColors[state] }} />
            {t(state)}
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-700" data-testid="uptime-share">
        {data.connectedShare === null ? t('noData') : t('share', { share: data.connectedShare })}
      </p>
    </div>
  )
}
