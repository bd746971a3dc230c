import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Roles } from '@mukti/security';
import { serviceEndpoints, ServiceEndpointName, staffEndpoints, StaffEndpointName } from '@mukti/staff-api';

export const STAFF_ENDPOINT = 'mukti:staff-endpoint';

/** Marks a handler as one endpoint of the staff API: its roles come from the one table, its name goes to the audit trail. */
export const StaffEndpoint = (name: StaffEndpointName) =>
  applyDecorators(Roles(...staffEndpoints[name].roles), SetMetadata(STAFF_ENDPOINT, name));

/** Marks a handler as an endpoint services call on a staff member's behalf: its roles come from the same file. */
export const ServiceEndpoint = (name: ServiceEndpointName) =>
  applyDecorators(Roles(...serviceEndpoints[name].roles), SetMetadata(STAFF_ENDPOINT, name));
