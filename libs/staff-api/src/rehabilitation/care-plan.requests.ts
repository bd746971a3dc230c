/**
 * Request bodies of the rehabilitation endpoints: a survivor's care plan and everything done
 * under it, from shelter to reintegration. Validated by the gateway and again by the service.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  carePlanDomains,
  compensationSchemes,
  compensationStages,
  counsellingKinds,
  dischargeReasons,
  documentStatuses,
  educationProgrammes,
  followUpStatuses,
  goalStatuses,
  handoverRecipients,
  healthServices,
  homeInvestigationOutcomes,
  identityDocuments,
  repatriationSteps,
  retraffickingRisks,
  shelterKinds,
  CarePlanDomain,
  IdentityDocument,
} from '@mukti/contracts';
import { Instant, TextLength } from '../fields';
import { MAX_COUNSELLING_NOTES_LENGTH } from './counselling-notes.requests';
import { PlaceDto } from '../intake/register-person.request';

export const healthServiceProviders = ['government', 'private', 'ngo'] as const;

export class OpenCarePlanRequest {
  @ApiProperty({
    enum: carePlanDomains,
    isArray: true,
    minItems: 1,
    maxItems: carePlanDomains.length,
    uniqueItems: true,
    description: 'the domains her plan sets goals in, each once',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(carePlanDomains.length)
  @ArrayUnique()
  @IsIn(carePlanDomains, { each: true })
  goals!: CarePlanDomain[];

  @ApiProperty({ format: 'date-time' }) @Instant() openedAt!: string;
}

export class SetCarePlanGoalRequest {
  @ApiProperty({ enum: carePlanDomains }) @IsIn(carePlanDomains) domain!: CarePlanDomain;
  @ApiProperty({ enum: goalStatuses }) @IsIn(goalStatuses) status!: (typeof goalStatuses)[number];
  @ApiProperty({ format: 'date-time' }) @Instant() setAt!: string;
}

/** A shelter is an institution: its public name is not her personal data. */
export class ShelterDto {
  @ApiProperty({ description: "the institution's public name", example: 'Snehalaya Home, Barasat' })
  @IsString()
  @TextLength(2, 120)
  name!: string;

  @ApiProperty({ enum: shelterKinds, description: 'a child goes only to a child care institution' })
  @IsIn(shelterKinds)
  kind!: (typeof shelterKinds)[number];

  @ApiProperty({ example: 'West Bengal' })
  @IsString()
  @TextLength(2, 80)
  state!: string;

  @ApiProperty({ example: 'North 24 Parganas' })
  @IsString()
  @TextLength(2, 80)
  district!: string;
}

export class AdmitToShelterRequest {
  @ApiProperty({ type: ShelterDto })
  @IsObject() @ValidateNested()
  @Type(() => ShelterDto)
  shelter!: ShelterDto;

  @ApiProperty({ format: 'date-time' }) @Instant() admittedAt!: string;
}

export class DischargeFromShelterRequest {
  @ApiProperty({ format: 'date-time' }) @Instant() dischargedAt!: string;
  @ApiProperty({ enum: dischargeReasons }) @IsIn(dischargeReasons) reason!: (typeof dischargeReasons)[number];
}

export class RecordCounsellingSessionRequest {
  @ApiProperty({ format: 'date-time' }) @Instant() heldAt!: string;
  @ApiProperty({ enum: counsellingKinds }) @IsIn(counsellingKinds) kind!: (typeof counsellingKinds)[number];

  @ApiProperty({
    minLength: 1,
    maxLength: MAX_COUNSELLING_NOTES_LENGTH,
    description: "personal data: sealed with her key, readable by counsellors only, erased with her",
  })
  @IsString()
  @TextLength(1, MAX_COUNSELLING_NOTES_LENGTH)
  notes!: string;
}

export class RecordHealthServiceRequest {
  @ApiProperty({ enum: healthServices }) @IsIn(healthServices) service!: (typeof healthServices)[number];
  @ApiProperty({ format: 'date-time' }) @Instant() providedAt!: string;
  @ApiProperty({ enum: healthServiceProviders }) @IsIn(healthServiceProviders) provider!: (typeof healthServiceProviders)[number];
}

export class EnrolInEducationRequest {
  @ApiProperty({ enum: educationProgrammes }) @IsIn(educationProgrammes) programme!: (typeof educationProgrammes)[number];
  @ApiProperty({ format: 'date-time' }) @Instant() enrolledAt!: string;
}

export class RecordIdentityDocumentRequest {
  @ApiProperty({ enum: identityDocuments, description: 'a voter ID obtained is also recorded as voter registration' })
  @IsIn(identityDocuments)
  document!: IdentityDocument;

  @ApiProperty({ enum: documentStatuses }) @IsIn(documentStatuses) status!: (typeof documentStatuses)[number];
  @ApiProperty({ format: 'date-time' }) @Instant() recordedAt!: string;
}

export class RecordRepatriationStepRequest {
  @ApiProperty({ enum: repatriationSteps }) @IsIn(repatriationSteps) step!: (typeof repatriationSteps)[number];
  @ApiProperty({ format: 'date-time' }) @Instant() at!: string;

  @ApiProperty({ type: PlaceDto, description: 'her home state and district (not her address)' })
  @IsObject() @ValidateNested()
  @Type(() => PlaceDto)
  home!: PlaceDto;

  @ApiPropertyOptional({ enum: homeInvestigationOutcomes, description: 'the outcome of the home investigation report' })
  @IsOptional()
  @IsIn(homeInvestigationOutcomes)
  homeInvestigationOutcome?: (typeof homeInvestigationOutcomes)[number];

  @ApiPropertyOptional({ enum: handoverRecipients, description: 'at handover; a child is handed over to the Child Welfare Committee' })
  @IsOptional()
  @IsIn(handoverRecipients)
  handedOverTo?: (typeof handoverRecipients)[number];
}

export class ScheduleFollowUpsRequest {
  @ApiProperty({ minimum: 1, maximum: 12, description: 'a follow-up every so many months' }) @IsInt() @Min(1) @Max(12) everyMonths!: number;
  @ApiProperty({ minimum: 1, maximum: 60, description: 'for so many months' }) @IsInt() @Min(1) @Max(60) forMonths!: number;
  @ApiProperty({ format: 'date-time', description: 'the schedule starts then' }) @Instant() from!: string;
}

export class RecordFollowUpRequest {
  @ApiProperty({ format: 'date-time' }) @Instant() heldAt!: string;
  @ApiProperty({ enum: followUpStatuses }) @IsIn(followUpStatuses) status!: (typeof followUpStatuses)[number];
  @ApiProperty({ enum: retraffickingRisks }) @IsIn(retraffickingRisks) retraffickingRisk!: (typeof retraffickingRisks)[number];
}

export class RecordCompensationRequest {
  @ApiProperty({ enum: compensationStages }) @IsIn(compensationStages) stage!: (typeof compensationStages)[number];
  @ApiProperty({ enum: compensationSchemes }) @IsIn(compensationSchemes) scheme!: (typeof compensationSchemes)[number];
  @ApiProperty({ format: 'date-time' }) @Instant() at!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100_000_000, description: 'awarded or paid, in rupees' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amountInr?: number;
}
