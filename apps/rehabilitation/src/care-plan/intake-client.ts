/** The intake service, reached with the staff member's own token: it seals and opens counselling notes with her key. */
export const INTAKE = Symbol('INTAKE');
