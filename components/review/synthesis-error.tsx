import type { ArtifactState } from '@/lib/pipeline/types';

type FailedArtifact = Extract<ArtifactState, { status: 'failed' }>;

const STAGE_EXPLANATION: Record<FailedArtifact['stage'], string> = {
  synthesis: 'The CDK app could not be synthesized, so this side has no template: its findings and the diff are missing.',
  parse: 'The template could not be parsed, so this side has no template: its findings and the diff are missing.',
};

/** An explained error panel for an artifact that could not be obtained: message, what it means, collapsible detail. */
export function SynthesisError({ artifact }: { artifact: FailedArtifact }) {
  return (
    <div data-testid="synthesis-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm ring-1 ring-inset ring-red-200">
      <p className="font-medium text-red-800">{artifact.stage === 'synthesis' ? 'Synthesis failed' : 'Template could not be parsed'}</p>
      <p data-testid="synthesis-error-message" className="mt-1 break-words font-mono text-xs text-red-900">
        {artifact.message}
      </p>
      <p className="mt-1 text-xs text-red-700">{STAGE_EXPLANATION[artifact.stage]}</p>
      {artifact.detail && (
        <details className="mt-2">
          <summary className="text-xs font-medium text-red-800 underline-offset-2 hover:underline">Show detail</summary>
          <pre
            data-testid="synthesis-error-detail"
            tabIndex={0}
            className="mt-1 max-h-72 overflow-auto rounded bg-white/70 p-2 text-xs text-red-950"
          >
            {artifact.detail}
          </pre>
        </details>
      )}
    </div>
  );
}

/** A page-level panel for a review that could not be run at all (for example, a missing model file). */
export function ReviewUnavailable({ message }: { message: string }) {
  return (
    <div data-testid="review-error" role="alert" className="rounded-lg bg-red-50 px-4 py-3 ring-1 ring-inset ring-red-200">
      <h2 className="font-semibold text-red-800">The review could not be run</h2>
      <p className="mt-1 font-mono text-xs text-red-900">{message}</p>
      <p className="mt-2 text-xs text-red-700">
        Check that the reference app in infra/ and the model files in infra/model/ exist, then reload.
      </p>
    </div>
  );
}
