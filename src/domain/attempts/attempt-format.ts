/** The attempt record's format name and the version this code writes (bump it with a migration). */
export const ATTEMPT_FORMAT = 'ltc-attempt';
export const ATTEMPT_VERSION = 3;
