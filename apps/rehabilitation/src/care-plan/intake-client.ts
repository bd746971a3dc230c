/** The intake service, reached with the staff member's own token: it seals text that identifies her with her key, and opens counselling notes. */
export const INTAKE = Symbol('INTAKE');
