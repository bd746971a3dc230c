import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemView {
  @ApiProperty({ example: 'fir.registeredAt', description: 'the field, as a path into the request' }) field!: string;
  @ApiProperty({ example: 'registeredAt must be a valid ISO 8601 date string' }) reason!: string;
}

/** The one shape of every error answer, from every service (libs/http ErrorFilter). */
export class ErrorView {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'the request is not valid' }) message!: string;
  @ApiPropertyOptional({
    description: 'for a 400, each field and the reason; for a 409 or 422, what the rule needs (such as existingId)',
    oneOf: [{ type: 'array', items: { $ref: '#/components/schemas/FieldProblemView' } }, { type: 'object', additionalProperties: true }],
  })
  details?: FieldProblemView[] | Record<string, unknown>;
  @ApiPropertyOptional({ description: 'identifies the request in the logs of every service it reached' }) requestId?: string;
}
