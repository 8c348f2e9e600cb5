/** YAML lines of a resource that cfn-lint rejects and cloudformation-validate accepts: an alarm period of 45 s (E3615, line 8 of them). */
export const INVALID_ALARM_PERIOD = [
  '  Alarm:',
  '    Type: AWS::CloudWatch::Alarm',
  '    Properties:',
  '      ComparisonOperator: GreaterThanThreshold',
  '      EvaluationPeriods: 1',
  '      MetricName: Errors',
  '      Namespace: AWS/Lambda',
  '      Period: 45',
  '      Statistic: Sum',
  '      Threshold: 1',
];
