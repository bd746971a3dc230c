/** The intake service, reached with the staff member's own token: it seals text that identifies her (her employer) with her key. */
export const INTAKE = Symbol('INTAKE');
