/** The intake service, reached with the staff member's own token: it seals text that identifies her with her key, and opens it for those who read it (see @mukti/http identifying-text). */
export const INTAKE = Symbol('INTAKE');
