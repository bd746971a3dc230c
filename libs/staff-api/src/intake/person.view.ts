import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ageBands,
  consentGivers,
  consentScopes,
  genders,
  personRoles,
  referralSources,
  vulnerabilityLevels,
  AgeBand,
  ConsentDecision,
  ConsentGiver,
  Gender,
  PersonRole,
  ReferralSource,
  VulnerabilityFactor,
  VulnerabilityLevel,
} from '@mukti/contracts';
import { PlaceDto } from './register-person.request';

export class PersonalDataView {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: [String] }) aliases?: string[];
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() address?: string;
  @ApiPropertyOptional() birthDate?: string;
}

export class ConsentView {
  @ApiProperty({ enum: consentScopes }) scope!: string;
  @ApiProperty({ enum: ['granted', 'withdrawn'] }) decision!: ConsentDecision;
  @ApiProperty({ enum: consentGivers }) givenBy!: ConsentGiver;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

export class VulnerabilityView {
  @ApiProperty({ enum: vulnerabilityLevels }) level!: VulnerabilityLevel;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [String] }) factors!: VulnerabilityFactor[];
  @ApiProperty({ format: 'date-time' }) assessedAt!: string;
}

export class PersonView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: personRoles }) role!: PersonRole;
  @ApiProperty({ enum: genders }) gender!: Gender;
  @ApiProperty({ enum: ageBands }) ageBand!: AgeBand;
  @ApiPropertyOptional({ type: PlaceDto }) origin?: PlaceDto;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ enum: referralSources }) referralSource!: ReferralSource;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty() registeredBy!: string;
  @ApiProperty({ type: [ConsentView], description: 'the latest decision per scope' }) consents!: ConsentView[];
  @ApiPropertyOptional({ type: VulnerabilityView, description: 'the latest assessment' }) vulnerability?: VulnerabilityView;
  @ApiPropertyOptional({
    type: PersonalDataView,
    description: "in clear only for roles allowed to read personal data; absent otherwise",
  })
  personalData?: PersonalDataView;
  @ApiPropertyOptional({ format: 'date-time', description: 'her personal data was erased then; it can no longer be read anywhere' })
  erasedAt?: string;
}
