/** The services behind the gateway, each reached with a ServiceClient (@mukti/http). */
export const INTAKE = Symbol('INTAKE');
export const PROJECTION = Symbol('PROJECTION');
export const AUDIT = Symbol('AUDIT');
export const RESCUE = Symbol('RESCUE');
export const REHABILITATION = Symbol('REHABILITATION');
export const LEGAL = Symbol('LEGAL');
export const LIVELIHOOD = Symbol('LIVELIHOOD');
