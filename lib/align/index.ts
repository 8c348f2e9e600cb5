/* lib/align: which resource of a model template is which resource of its reference. */
export { alignLoaded, alignTemplates, rememberAlignment } from './align';
export { renameReferences, referencedNames } from './references';
export type { Alignment, AlignmentSignal, ResourcePair } from './types';
