import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UnprocessableEntityException } from '@nestjs/common';
import { IsOptional, IsUUID } from 'class-validator';
import { IntegerQueryParam } from '../fields';

export const MAX_AUDIT_PAGE_SIZE = 200;
/** With the largest page size, two million records deep: more than a person's trail, and a skip the store takes. */
export const MAX_AUDIT_PAGE = 10_000;

/** Whose trail: a person's, or a record's with a team of its own; exactly one of the two. */
export class AuditQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'whose record (this, or recordId)' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a rescue operation, case, perpetrator, household or prevention plan (this, or personId)' })
  @IsOptional()
  @IsUUID()
  recordId?: string;

  @IntegerQueryParam({ default: 1, minimum: 1, maximum: MAX_AUDIT_PAGE })
  page?: number;

  @IntegerQueryParam({ default: 50, minimum: 1, maximum: MAX_AUDIT_PAGE_SIZE })
  pageSize?: number;
}

/**
 * Whose trail a query asks for. Naming neither is a 422, not a 400: query parameters cannot say
 * "one of these two" in the API description, so the description allows the query and a 400
 * would refuse what it allows.
 */
export function auditSubject(query: AuditQuery): { personId: string } | { recordId: string } {
  if (query.personId) return { personId: query.personId };
  if (query.recordId) return { recordId: query.recordId };
  throw new UnprocessableEntityException({
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: 'give personId or recordId: whose trail to read',
    details: [{ field: 'personId', reason: 'personId or recordId is required' }],
  });
}

export class AuditRecordView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() staffId!: string;
  @ApiProperty() staffRole!: string;
  @ApiProperty({ example: 'readPerson' }) action!: string;
  @ApiProperty() method!: string;
  @ApiProperty({ enum: ['requested', 'succeeded', 'refused', 'failed'] }) outcome!: string;
  @ApiPropertyOptional() status?: number;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty() requestId!: string;
  @ApiPropertyOptional({ description: 'the record the request opened, where it is not a person (kind and id)' })
  record?: { kind: string; id: string };
  @ApiPropertyOptional({ format: 'uuid', description: "in a record's trail: the person each request named" })
  personId?: string;
}

export class AuditPageView {
  @ApiPropertyOptional({ format: 'uuid' }) personId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) recordId?: string;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [AuditRecordView], description: 'newest first' }) records!: AuditRecordView[];
}
