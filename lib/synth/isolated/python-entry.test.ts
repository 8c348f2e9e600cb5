import { describe, expect, it } from 'vitest';
import { GENERATED_PYTHON_ENTRY, planPythonApp } from './python-entry';

const stack = (name: string, base = 'Stack') => `from aws_cdk import ${base}\n\nclass ${name}(${base}):\n    pass\n`;

describe('planPythonApp', () => {
  it("takes app.py, else the file cdk.json's app command runs, else a file creating an App", () => {
    expect(
      planPythonApp([
        { path: 'app.py', text: 'app = cdk.App()' },
        { path: 'lib/s.py', text: stack('S') },
      ]),
    ).toEqual({ kind: 'file', path: 'app.py' });
    expect(
      planPythonApp([
        { path: 'cdk.json', text: '{"app": "python3 tap.py"}' },
        { path: 'tap.py', text: 'x = 1' },
      ]),
    ).toEqual({ kind: 'file', path: 'tap.py' });
    expect(planPythonApp([{ path: 'main.py', text: 'app = cdk.App()\napp.synth()' }])).toEqual({ kind: 'file', path: 'main.py' });
  });

  it('never takes a test module as the app', () => {
    const plan = planPythonApp([
      { path: 'tests/unit/test_stack.py', text: 'app = cdk.App()' },
      { path: 'lib/tap_stack.py', text: stack('TapStack') },
    ]);
    expect(plan).toMatchObject({ kind: 'generated', stackClass: 'TapStack' });
  });

  it('generates an entry for the Stack class no file instantiates, importing it from its package, TapStack first', () => {
    const plan = planPythonApp([
      { path: 'lib/network.py', text: stack('NetworkStack', 'cdk.Stack') },
      { path: 'lib/tap_stack.py', text: `${stack('TapStack')}\n        NetworkStack(self, "Net")\n` },
      { path: 'lib/other.py', text: stack('OtherStack') },
    ]);
    expect(plan).toMatchObject({ kind: 'generated', path: GENERATED_PYTHON_ENTRY, stackClass: 'TapStack', module: 'lib.tap_stack' });
    if (plan.kind !== 'generated') return;
    expect(plan.text).toContain('importlib.import_module("lib.tap_stack"), "TapStack")(app, "TapStack")');
    expect(plan.text).toContain('app.synth()');
  });

  it('passes the environment parameters the Stack class requires (from context, else dev), and no optional one', () => {
    const init = (params: string) =>
      `from aws_cdk import Stack\n\nclass TapStack(Stack):\n    def __init__(\n        self, scope, construct_id: str, ${params}\n    ) -> None:\n        pass\n`;
    const required = planPythonApp([{ path: 'lib/tap_stack.py', text: init('environment_suffix: str, **kwargs') }]);
    if (required.kind !== 'generated') throw new Error(JSON.stringify(required));
    expect(required.text).toContain('(app, "TapStack", environment_suffix=app.node.try_get_context("environmentSuffix") or "dev")');
    const optional = planPythonApp([{ path: 'lib/tap_stack.py', text: init('environment_suffix: str = "prod", bucket_name: str = "x"') }]);
    if (optional.kind !== 'generated') throw new Error(JSON.stringify(optional));
    expect(optional.text).toContain('(app, "TapStack")\n');
  });

  it('says what is missing when there is neither an app nor a Stack class, or the named entry is absent', () => {
    expect(planPythonApp([{ path: 'util.py', text: 'x = 1' }])).toMatchObject({
      kind: 'missing',
      message: expect.stringMatching(/no Stack class/),
    });
    expect(planPythonApp([{ path: 'app.py', text: '' }], 'main.py')).toMatchObject({
      kind: 'missing',
      message: expect.stringMatching(/main\.py/),
    });
  });
});
