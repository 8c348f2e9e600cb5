import type { AnswerFile, SynthDiagnostic } from './types';

/** Transpiled answer: JavaScript files (same paths, `.js`) with inline source maps, or the syntax errors that stop it. */
export type CompileOutcome = { ok: true; files: AnswerFile[] } | { ok: false; diagnostics: SynthDiagnostic[] };

const TS_FILE = /\.(ts|tsx|mts|cts)$/;
const TEST_FILE = /^(test|tests)\/|(^|\/)__tests__\/|\.(test|spec)\.[cm]?[jt]sx?$/;

/** True for an answer's test files (`test/`, `tests/`, `__tests__/`, `*.test.ts`, `*.spec.ts`), which `cdk synth` never runs. */
export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file);
}

/**
 * Transpiles an answer's TypeScript to CommonJS, file by file, and reports syntax errors with file and line.
 * Syntactic only: a full type check against aws-cdk-lib's declarations takes 10–25 s per answer on a
 * shared 2-core machine, so type errors surface as synthesis errors when they matter at run time.
 * Declaration files and test files are dropped; `.js` and `.json` files are kept as they are. Never throws for the input.
 */
export async function compileTypeScript(files: readonly AnswerFile[]): Promise<CompileOutcome> {
  const ts = (await import('typescript')).default;
  const out: AnswerFile[] = [];
  const diagnostics: SynthDiagnostic[] = [];
  for (const file of files) {
    if (file.path.endsWith('.d.ts') || isTestFile(file.path)) continue;
    if (!TS_FILE.test(file.path)) {
      out.push(file);
      continue;
    }
    const result = ts.transpileModule(file.text, {
      fileName: file.path,
      reportDiagnostics: true,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        inlineSourceMap: true,
        inlineSources: true,
        jsx: ts.JsxEmit.React,
      },
    });
    for (const d of result.diagnostics ?? []) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (d.file && d.start !== undefined) {
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        diagnostics.push({ file: file.path, line: line + 1, column: character + 1, message });
      } else {
        diagnostics.push({ file: file.path, line: 1, message });
      }
    }
    out.push({ path: file.path.replace(TS_FILE, '.js'), text: result.outputText });
  }
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, files: out };
}
