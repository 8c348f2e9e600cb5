/* The metrics a CloudWatch alarm watches, for single-metric and metric-math alarms alike. */
import { asList, getPath } from '../../templates/query';
import type { CfnResource, CfnValue } from '../../templates/types';

/** One metric an alarm watches, with dotted paths (inside the alarm resource) for evidence. */
export interface AlarmMetric {
  namespace?: CfnValue;
  metricName?: CfnValue;
  /** `{Name, Value}` dimensions, each with its path. */
  dimensions: { name?: CfnValue; value?: CfnValue; path: string }[];
  period?: CfnValue;
  /** Path of the metric's Period (present or not). */
  periodPath: string;
}

/** The metrics of an `AWS::CloudWatch::Alarm`: its own (Namespace/MetricName/Dimensions/Period) or each `Metrics[].MetricStat`. */
export function alarmMetrics(alarm: CfnResource): AlarmMetric[] {
  const props = alarm.Properties ?? {};
  if (props.Metrics === undefined) return [metric(props, props.Period, 'Properties', 'Properties.Period')];
  return asList(props.Metrics).flatMap((entry, i) => {
    const stat = getPath(entry, 'MetricStat');
    const base = `Properties.Metrics.${i}.MetricStat`;
    return stat ? [metric(getPath(stat, 'Metric'), getPath(stat, 'Period'), `${base}.Metric`, `${base}.Period`)] : [];
  });
}

/** An AlarmMetric from a metric object (with Namespace, MetricName, Dimensions) at `path`. */
function metric(value: CfnValue | undefined, period: CfnValue | undefined, path: string, periodPath: string): AlarmMetric {
  const dimensions = asList(getPath(value, 'Dimensions')).map((d, i) => ({
    name: getPath(d, 'Name'),
    value: getPath(d, 'Value'),
    path: `${path}.Dimensions.${i}`,
  }));
  return { namespace: getPath(value, 'Namespace'), metricName: getPath(value, 'MetricName'), dimensions, period, periodPath };
}
