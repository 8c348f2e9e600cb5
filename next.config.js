/** Next.js configuration: heavy AWS libraries stay external (loaded by Node, not bundled). */
module.exports = {
  serverExternalPackages: [
    'aws-cdk-lib',
    'constructs',
    '@aws-cdk/cloudformation-diff',
    '@aws/cloudformation-validate',
    '@aws-sdk/client-cloudformation',
    'tsx',
    'yaml',
  ],
  outputFileTracingRoot: __dirname,
  poweredByHeader: false,
};
