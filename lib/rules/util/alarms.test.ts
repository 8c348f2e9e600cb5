import { describe, expect, it } from 'vitest';
import { resource } from '../test-util';
import { alarmMetrics } from './alarms';

describe('util/alarms', () => {
  it('alarmMetrics reads a single-metric alarm with its dimensions and period paths', () => {
    const alarm = resource('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Throttles',
      Period: 60,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: 'Fn' } }],
    });
    expect(alarmMetrics(alarm)).toEqual([
      {
        namespace: 'AWS/Lambda',
        metricName: 'Throttles',
        period: 60,
        periodPath: 'Properties.Period',
        dimensions: [{ name: 'FunctionName', value: { Ref: 'Fn' }, path: 'Properties.Dimensions.0' }],
      },
    ]);
  });

  it('alarmMetrics reads each MetricStat of a metric-math alarm and skips expressions', () => {
    const alarm = resource('AWS::CloudWatch::Alarm', {
      Metrics: [
        { Id: 'e', Expression: 'm1 + m2' },
        { Id: 'm1', MetricStat: { Period: 300, Stat: 'Sum', Metric: { Namespace: 'AWS/Lambda', MetricName: 'Errors' } } },
        {
          Id: 'm2',
          MetricStat: {
            Period: 120,
            Stat: 'Sum',
            Metric: { Namespace: 'AWS/Lambda', MetricName: 'Throttles', Dimensions: [{ Name: 'FunctionName', Value: 'x' }] },
          },
        },
      ],
    });
    expect(alarmMetrics(alarm).map((m) => [m.metricName, m.period, m.periodPath, m.dimensions.map((d) => d.path)])).toEqual([
      ['Errors', 300, 'Properties.Metrics.1.MetricStat.Period', []],
      ['Throttles', 120, 'Properties.Metrics.2.MetricStat.Period', ['Properties.Metrics.2.MetricStat.Metric.Dimensions.0']],
    ]);
  });
});
