/**
 * For tests: a CloudFormation YAML template whose bucket properties hold a billion-laughs alias bomb of `levels`
 * levels (each anchor lists the previous one ten times: 10^levels strings once expanded).
 */
export function yamlAliasBomb(levels: number): string {
  const lines = [
    'Resources:',
    '  B:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ];
  for (let i = 1; i < levels; i++)
    lines.push(
      `      a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n');
}
