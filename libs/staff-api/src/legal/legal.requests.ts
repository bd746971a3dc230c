/**
 * Request bodies of the legal endpoints: perpetrators, cases from the FIR to the verdict, and
 * the training of service providers. Validated by the gateway and again by the service. A
 * survivor is named only by her id; a perpetrator's name, aliases, phone and address are
 * personal data, sealed with his own key as soon as the legal service receives them.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  acts,
  appellants,
  bailStages,
  caseClosureReasons,
  compensationPayers,
  courts,
  hearingStages,
  perpetratorCategories,
  perpetratorCorrectionReasons,
  perpetratorErasureReasons,
  perpetratorLinks,
  propertyKinds,
  protectionMeasures,
  suretyKinds,
  testimonyKinds,
  trainingAudiences,
  trainingTopics,
  verdictOutcomes,
} from '@mukti/contracts';
import { Instant, TextLength } from '../fields';
import { IdentityDetails, PlaceDto } from '../intake/register-person.request';
import { StaffIdField } from '../fields';
import { ListPageQuery } from '../projection/alerts.query';

const dateTime = { format: 'date-time' } as const;
const uuids: { type: [StringConstructor]; format: 'uuid'; uniqueItems: true } = { type: [String], format: 'uuid', uniqueItems: true };

/** Someone who profits from her exploitation; name, aliases, phone and address are his personal data. */
export class ProfilePerpetratorRequest extends IdentityDetails {
  @ApiProperty({ enum: perpetratorCategories, description: 'what he does in the market; whether he profits directly or indirectly follows from it' })
  @IsIn(perpetratorCategories)
  category!: (typeof perpetratorCategories)[number];

  @ApiPropertyOptional({ type: [PlaceDto], description: 'states and districts where he is known to operate' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PlaceDto)
  knownPlaces?: PlaceDto[];
}

/** His whole profile again, as it should have been recorded: it replaces what was recorded. */
export class CorrectPerpetratorProfileRequest extends ProfilePerpetratorRequest {
  @ApiProperty({ enum: perpetratorCorrectionReasons, description: 'why it is corrected: a code, never free text' })
  @IsIn(perpetratorCorrectionReasons)
  reason!: (typeof perpetratorCorrectionReasons)[number];
}

export class ErasePerpetratorRequest {
  @ApiProperty({ enum: perpetratorErasureReasons, description: 'why he is erased: a code, never free text' })
  @IsIn(perpetratorErasureReasons)
  reason!: (typeof perpetratorErasureReasons)[number];
}

export class LinkPerpetratorsRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() otherPerpetratorId!: string;
  @ApiProperty({ enum: perpetratorLinks }) @IsIn(perpetratorLinks) link!: (typeof perpetratorLinks)[number];
}

export class SectionDto {
  @ApiProperty({ enum: acts }) @IsIn(acts) act!: (typeof acts)[number];

  @ApiProperty({ example: '5', description: 'as the act numbers it: 5, 143, 66E, 370(3)' })
  @IsString()
  @Matches(/^[0-9]{1,3}[A-Z]{0,2}(\([0-9a-z]{1,4}\))*$/, { message: 'section must be a section number such as 5, 66E or 370(3)' })
  section!: string;
}

export class FirDto {
  @ApiProperty({ example: 'Kamathipura' }) @IsString() @TextLength(2, 120) policeStation!: string;
  @ApiProperty({ example: 'Mumbai City' }) @IsString() @TextLength(2, 80) district!: string;
  @ApiProperty({ example: 'Maharashtra' }) @IsString() @TextLength(2, 80) state!: string;
  @ApiProperty({ example: '123/2026' }) @IsString() @TextLength(1, 40) number!: string;
  @ApiProperty(dateTime) @Instant() registeredAt!: string;
}

class SectionsField {
  @ApiProperty({ type: [SectionDto], minItems: 1, maxItems: 30 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SectionDto)
  sections!: SectionDto[];
}

export class RegisterFirRequest extends SectionsField {
  @ApiProperty({ type: FirDto }) @IsObject() @ValidateNested() @Type(() => FirDto) fir!: FirDto;

  @ApiProperty({ ...uuids, description: 'survivors named as victims: each needs her consent to be named to the police' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  victimIds!: string[];

  @ApiProperty({ ...uuids, description: 'perpetrators the FIR names' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  accusedIds!: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'the main accused ("kingpin"), whether or not the FIR names him' })
  @IsOptional()
  @IsUUID()
  mainAccusedId?: string;

  @ApiPropertyOptional({ ...uuids, description: 'survivors the police listed as accused: raises the decriminalisation alert' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  survivorsAccusedIds?: string[];
}

export class NameAccusedRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() perpetratorId!: string;
  @ApiPropertyOptional({ description: 'he is the main accused' }) @IsOptional() @IsBoolean() main?: boolean;
  @ApiProperty(dateTime) @Instant() namedAt!: string;
}

export class NameSurvivorAsAccusedRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId!: string;
  @ApiProperty(dateTime) @Instant() namedAt!: string;
}

export class DropSurvivorAccusationRequest {
  @ApiProperty(dateTime) @Instant() droppedAt!: string;
}

export class RecordArrestRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() perpetratorId!: string;
  @ApiProperty(dateTime) @Instant() arrestedAt!: string;
}

export class DeclareAbscondingRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() perpetratorId!: string;
  @ApiProperty(dateTime) @Instant() declaredAt!: string;
}

export class RecordBailRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'the accused perpetrator; or personId for a survivor the police charged' })
  @IsOptional()
  @IsUUID()
  perpetratorId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a survivor listed as accused in this case' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiProperty({ enum: bailStages }) @IsIn(bailStages) stage!: (typeof bailStages)[number];
  @ApiProperty(dateTime) @Instant() at!: string;

  @ApiPropertyOptional({ enum: suretyKinds, description: 'who stood surety; a known perpetrator for a survivor raises the debt-bondage alert' })
  @IsOptional()
  @IsIn(suretyKinds)
  surety?: (typeof suretyKinds)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'the known perpetrator who stood surety' })
  @IsOptional()
  @IsUUID()
  suretyPerpetratorId?: string;
}

export class FileChargeSheetRequest extends SectionsField {
  @ApiProperty(dateTime) @Instant() filedAt!: string;

  @ApiProperty({ ...uuids, description: 'the accused it charges' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  accusedIds!: string[];
}

export class RecordHearingRequest {
  @ApiProperty(dateTime) @Instant() heldAt!: string;
  @ApiProperty({ enum: courts }) @IsIn(courts) court!: (typeof courts)[number];
  @ApiProperty({ enum: hearingStages }) @IsIn(hearingStages) stage!: (typeof hearingStages)[number];
  @ApiPropertyOptional(dateTime) @IsOptional() @Instant() nextHearingAt?: string;
}

export class RecordWitnessSupportRequest {
  @ApiProperty({ format: 'uuid', description: 'a victim of the case; needs her consent to be named to a court' }) @IsUUID() personId!: string;
  @ApiProperty(dateTime) @Instant() at!: string;
  @ApiPropertyOptional({ enum: testimonyKinds }) @IsOptional() @IsIn(testimonyKinds) testimony?: (typeof testimonyKinds)[number];
  @ApiProperty({ description: 'heard in camera; always for a child (POCSO s.37)' }) @IsBoolean() inCamera!: boolean;
  @ApiProperty({ description: 'a support person was with her' }) @IsBoolean() supportPerson!: boolean;

  @ApiProperty({ enum: protectionMeasures, isArray: true, uniqueItems: true })
  @IsArray()
  @ArrayMaxSize(protectionMeasures.length)
  @ArrayUnique()
  @IsIn(protectionMeasures, { each: true })
  protectionMeasures!: (typeof protectionMeasures)[number][];

  @ApiProperty({ description: 'her travel to court was arranged and paid' }) @IsBoolean() travelSupported!: boolean;
}

export class RecordVerdictRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() perpetratorId!: string;
  @ApiProperty({ enum: verdictOutcomes }) @IsIn(verdictOutcomes) outcome!: (typeof verdictOutcomes)[number];
  @ApiProperty(dateTime) @Instant() decidedAt!: string;
  @ApiProperty({ enum: courts }) @IsIn(courts) court!: (typeof courts)[number];
  @ApiPropertyOptional({ minimum: 0, maximum: 1200 }) @IsOptional() @IsInt() @Min(0) @Max(1200) sentenceMonths?: number;
  @ApiPropertyOptional({ minimum: 0, description: 'in rupees' }) @IsOptional() @IsInt() @Min(0) fineInr?: number;
}

export class FileAppealRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() perpetratorId!: string;
  @ApiProperty({ enum: appellants }) @IsIn(appellants) appellant!: (typeof appellants)[number];
  @ApiProperty({ enum: courts }) @IsIn(courts) court!: (typeof courts)[number];
  @ApiProperty(dateTime) @Instant() filedAt!: string;
}

export class ClosePremisesRequest {
  @ApiProperty(dateTime) @Instant() closedAt!: string;
  @ApiProperty({ type: PlaceDto }) @IsObject() @ValidateNested() @Type(() => PlaceDto) place!: PlaceDto;
}

export class AttachPropertyRequest {
  @ApiProperty(dateTime) @Instant() attachedAt!: string;
  @ApiProperty({ enum: propertyKinds }) @IsIn(propertyKinds) kind!: (typeof propertyKinds)[number];
  @ApiPropertyOptional({ minimum: 1, description: 'in rupees' }) @IsOptional() @IsInt() @Min(1) valueInr?: number;
}

export class OrderCompensationRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId!: string;
  @ApiProperty(dateTime) @Instant() orderedAt!: string;
  @ApiProperty({ minimum: 1, description: 'in rupees' }) @IsInt() @Min(1) amountInr!: number;
  @ApiProperty({ enum: compensationPayers }) @IsIn(compensationPayers) payableBy!: (typeof compensationPayers)[number];
}

export class CloseCaseRequest {
  @ApiProperty(dateTime) @Instant() closedAt!: string;
  @ApiProperty({ enum: caseClosureReasons }) @IsIn(caseClosureReasons) reason!: (typeof caseClosureReasons)[number];
}

export class RecordTrainingSessionRequest {
  @ApiProperty({ enum: trainingAudiences }) @IsIn(trainingAudiences) audience!: (typeof trainingAudiences)[number];
  @ApiProperty({ enum: trainingTopics }) @IsIn(trainingTopics) topic!: (typeof trainingTopics)[number];
  @ApiProperty(dateTime) @Instant() heldAt!: string;
  @ApiProperty({ description: 'the staff member who trained them' }) @IsString() @TextLength(1, 100) trainerId!: string;
  @ApiProperty({ minimum: 1, maximum: 10000 }) @IsInt() @Min(1) @Max(10_000) participantCount!: number;

  @ApiPropertyOptional({ type: [String], description: "participants' names, where given: personal data, sealed" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @TextLength(1, 200, { each: true })
  participantNames?: string[];

  @ApiPropertyOptional({ ...dateTime, description: 'when a refresher is due; 12 months after the session unless given' })
  @IsOptional()
  @Instant()
  refresherDueAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the earlier session this one refreshes' })
  @IsOptional()
  @IsUUID()
  refreshesTrainingId?: string;

  @ApiProperty({ type: PlaceDto, description: 'where it was held' }) @IsObject() @ValidateNested() @Type(() => PlaceDto) place!: PlaceDto;
}

/** Which sessions, a page at a time (limit and offset as every listing). */
export class TrainingSessionsQuery extends ListPageQuery {
  @ApiPropertyOptional({ description: 'only sessions whose refresher is past due' })
  @IsOptional()
  @IsIn(['true', 'false'])
  refresherOverdue?: 'true' | 'false';
}

/** Adds a legal officer to the case's team: the team reads the case and acts on it. */
export class JoinCaseTeamRequest {
  @StaffIdField()
  staffId!: string;
}
