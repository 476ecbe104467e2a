'use client'

import { useTranslations } from 'next-intl'
import { PolarAngleAxis, RadialBar, RadialBarChart } from 'recharts'
import type { DashboardQuota } from './dashboard-types'
import { chartColors } from './chart-colors'
import type { ChartFormat } from './use-chart-format'

const SIZE = 104

function gaugeColor(share: number): string {
  if (share >= 1) return chartColors.failed
  if (share >= 0.8) return chartColors.disconnected
  return chartColors.connected
}

/** The minute, hour and day windows of the sending quota as three half-round gauges: used of the limit. */
export function QuotaGauges({ data, format }: { data: DashboardQuota; format: ChartFormat }) {
  const t = useTranslations('dashboard.quota')
  return (
    <div className="grid grid-cols-3 gap-2" data-testid="quota-gauges">
      {data.map((gauge) => {
        const share = gauge.limit > 0 ? Math.min(1, gauge.used / gauge.limit) : 0
        return (
          <div key={gauge.window} className="flex min-w-0 flex-col items-center" data-testid={`quota-gauge-${gauge.window}`}>
            <div className="relative overflow-hidden" style={{ width: SIZE, height: SIZE / 2 + 8 }}>
              <RadialBarChart
                width={SIZE}
                height={SIZE}
                cx={SIZE / 2}
                cy={SIZE / 2}
                innerRadius={SIZE * 0.34}
                outerRadius={SIZE * 0.5}
                startAngle={180}
                endAngle={0}
                data={[{ value: share * 100, fill: gaugeColor(share) }]}
                barSize={12}
              >
                <PolarAngleAxis type="number" domain={[0, 100]} tick={false} axisLine={false} />
                <RadialBar dataKey="value" background={{ fill: chartColors.unknown }} cornerRadius={4} isAnimationActive={false} />
              </RadialBarChart>
              <span className="absolute inset-x-0 bottom-1 text-center text-sm font-semibold text-slate-900 tabular-nums">
                {format.number(Math.round(share * 100))}%
              </span>
            </div>
            <p className="mt-1 text-sm font-medium text-slate-700">{t(gauge.window)}</p>
            <p className="text-xs text-slate-500 tabular-nums">{t('used', { used: gauge.used, limit: gauge.limit })}</p>
          </div>
        )
      })}
    </div>
  )
}
