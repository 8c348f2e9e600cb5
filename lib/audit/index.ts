// The audit session service: what pages, server actions and the /api/sessions routes call.
export { createAuditSession, listAuditSessions } from './create-session';
export { exportSession, sessionReportInput } from './export';
export { openSessionEvents } from './live';
export { addSessionComment, addSessionManualFinding, setVerdict, signOffSession } from './mutations';
export { getSessionView } from './session-view';
export { setVerdicts } from './bulk-verdicts';
export { addSessionLineComment, listSessionLineComments } from './line-comments';
export { sessionChannel } from './events';
export type * from './types';
