export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');
