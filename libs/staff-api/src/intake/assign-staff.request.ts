import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { caseRoles, CaseRole } from '@mukti/contracts';
import { StaffIdField } from '../fields';

export class AssignStaffRequest {
  @StaffIdField()
  staffId!: string;

  @ApiProperty({ enum: caseRoles, description: 'the role in which she works on this case' })
  @IsIn(caseRoles)
  staffRole!: CaseRole;
}
