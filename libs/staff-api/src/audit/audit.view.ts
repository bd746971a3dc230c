import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';
import { IntegerQueryParam } from '../fields';

export const MAX_AUDIT_PAGE_SIZE = 200;
/** With the largest page size, two million records deep: more than a person's trail, and a skip the store takes. */
export const MAX_AUDIT_PAGE = 10_000;

/** Whose trail: a person's, or a record's with a team of its own; exactly one of the two. */
export class AuditQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'whose record (this, or recordId)' })
  @ValidateIf((query: AuditQuery) => query.recordId === undefined || query.personId !== undefined)
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a rescue operation, case, perpetrator, household or prevention plan (this, or personId)' })
  @ValidateIf((query: AuditQuery) => query.personId === undefined || query.recordId !== undefined)
  @IsUUID()
  recordId?: string;

  @IntegerQueryParam({ default: 1, minimum: 1, maximum: MAX_AUDIT_PAGE })
  page?: number;

  @IntegerQueryParam({ default: 50, minimum: 1, maximum: MAX_AUDIT_PAGE_SIZE })
  pageSize?: number;
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
