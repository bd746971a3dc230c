import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IntegerQueryParam } from '../fields';

export const MAX_AUDIT_PAGE_SIZE = 200;
/** With the largest page size, two million records deep: more than a person's trail, and a skip the store takes. */
export const MAX_AUDIT_PAGE = 10_000;

export class AuditQuery {
  @ApiProperty({ format: 'uuid', description: 'whose record' })
  @IsUUID()
  personId!: string;

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
}

export class AuditPageView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [AuditRecordView], description: 'newest first' }) records!: AuditRecordView[];
}
