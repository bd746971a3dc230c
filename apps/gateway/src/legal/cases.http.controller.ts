import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { IdParam, StaffEndpoint, ServiceClient } from '@mukti/http';
import {
  AttachPropertyRequest,
  CaseView,
  CloseCaseRequest,
  ClosePremisesRequest,
  DeclareAbscondingRequest,
  DropSurvivorAccusationRequest,
  endpointRoles,
  FileAppealRequest,
  FileChargeSheetRequest,
  JoinCaseTeamRequest,
  NameAccusedRequest,
  NameSurvivorAsAccusedRequest,
  OrderCompensationRequest,
  RecordArrestRequest,
  RecordBailRequest,
  RecordedResponse,
  RecordHearingRequest,
  RecordVerdictRequest,
  RecordWitnessSupportRequest,
  RegisterFirRequest,
} from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { LEGAL } from '../upstream/service-client';

const noCase = "no such case, or you are not on its team (the same answer)";
const noCaseOrNotHers = 'no such case or you are not on its team, or the survivor it names is not registered or not on your case team (the same answer)';
const refused = 'a rule refused it; details name the field and the reason';
const invalid = 'a field is missing or not valid; details name each field and the reason';
const closed = 'it conflicts with what is recorded: the case is closed';
const dates = 'a date in the future or before the FIR';
const decriminalisation =
  'A survivor is never an offender: the police or a court listing her as accused is recorded as it is, and raises the decriminalisation alert ' +
  '(on her timeline and in GET /api/v1/alerts), open until the accusation against her is dropped.';
/** On a command that names a survivor, an admin states why she opens her record. */
const accessReason = () =>
  ApiHeader({ name: 'x-access-reason', required: false, description: "admins: why you open the named survivor's record (required for admins)" });

/**
 * Criminal cases, one per FIR, from its registration to the verdicts: owned by the legal
 * service. Survivors and perpetrators are named by id only; the gateway validates and
 * authorises, it holds no domain logic and no data.
 */
@ApiTags('legal: cases')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no token, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'the role may not do this, or an admin stated no reason on a command that names a survivor' })
@ApiBadRequestResponse({ description: invalid })
@Controller('cases')
export class CasesController {
  constructor(@Inject(LEGAL) private readonly legal: ServiceClient) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('registerFir')
  @accessReason()
  @ApiOperation({
    summary: 'Register a case with its FIR',
    description:
      'One case per FIR: police station, district, state, number and date, and the sections it cites (ITPA offences are s.3 to s.9). ' +
      'It names survivors as victims, each only while her consent to be named to the police stands, and the accused perpetrators, each ' +
      'profiled first, with the main accused ("kingpin") whether or not the FIR names him. Survivors the police listed as accused go in ' +
      `survivorsAccusedIds: ${decriminalisation} A charge sheet still missing 60 and 90 days after the FIR is flagged (BNSS s.187, default bail). ` +
      `The case holds no one's personal data: people and perpetrators by id only. The FIR's number and police station lead to the police record that names her: ` +
      `they are sealed with the case's own key as soon as the legal service receives them (never stored or published in clear), shown only to the case's team ` +
      `(GET /cases/{caseId}), and gone once every victim of the case is erased. ${rolesNote(endpointRoles.registerFir)}`,
  })
  @ApiCreatedResponse({ type: RecordedResponse, description: 'id: the case id' })
  @ApiNotFoundResponse({ description: 'a survivor it names is not registered or not on your case team (the same answer)' })
  @ApiConflictResponse({
    description: 'her consent to be named to the police does not stand: the message says which consent is missing (details.personId, details.scope)',
  })
  @ApiUnprocessableEntityResponse({
    description: `${refused} (fir.registeredAt in the future, an ITPA section that is not an offence, no victim, a perpetrator not profiled or not yours to see)`,
  })
  registerFir(@Body() request: RegisterFirRequest, @Req() caller: Request): Promise<RecordedResponse> {
    return this.legal.send('POST', '/cases', caller, request);
  }

  @Get(':caseId')
  @StaffEndpoint('readCase')
  @ApiOperation({
    summary: 'A case: the FIR, the accused and the steps since',
    description:
      "The FIR and its sections; victims and accused by id, each accused's custody, bail, verdicts and appeals; charge sheets, hearings, " +
      `witness support, premises closed, property attached and compensation ordered. No one's personal data. The case's team only (an admin with a reason); ` +
      'of its victims, those on your case team who still consent to be named to the police or a court (record.victimsNotShown counts the rest); ' +
      `of its survivors accused, those on your case team. ${rolesNote(endpointRoles.readCase)}`,
  })
  @ApiOkResponse({ type: CaseView })
  @ApiNotFoundResponse({ description: noCase })
  readCase(@IdParam('caseId') caseId: string, @Req() caller: Request): Promise<CaseView> {
    return this.legal.send('GET', `/cases/${caseId}`, caller);
  }

  @Post(':caseId/team')
  @HttpCode(204)
  @StaffEndpoint('joinCaseTeam')
  @ApiOperation({
    summary: "Add a legal officer to the case's team",
    description:
      'The team (who registered the FIR and who joined) reads the case and acts on it; anyone else gets the 404 of a case never registered. ' +
      `A member adds others; adding her again changes nothing. ${rolesNote(endpointRoles.joinCaseTeam)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  joinCaseTeam(@IdParam('caseId') caseId: string, @Body() request: JoinCaseTeamRequest, @Req() caller: Request): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/team`, caller, request);
  }

  @Post(':caseId/accused')
  @HttpCode(204)
  @StaffEndpoint('nameAccused')
  @ApiOperation({
    summary: 'Name a perpetrator among the accused',
    description: `After the FIR, or to name the main accused ("kingpin") at last. He is profiled first. ${rolesNote(endpointRoles.nameAccused)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  @ApiConflictResponse({ description: `${closed}, he is already accused, or another is the main accused already` })
  @ApiUnprocessableEntityResponse({ description: `${refused} (he is not profiled: details name perpetratorId; ${dates})` })
  nameAccused(@IdParam('caseId') caseId: string, @Body() request: NameAccusedRequest, @Req() caller: Request): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/accused`, caller, request);
  }

  @Post(':caseId/survivors-accused')
  @HttpCode(204)
  @StaffEndpoint('nameSurvivorAsAccused')
  @accessReason()
  @ApiOperation({
    summary: 'Record that the police or a court listed a survivor as accused',
    description:
      `${decriminalisation} Getting her recorded as a victim instead is part of the work. Listed twice in one case is recorded once. ` +
      rolesNote(endpointRoles.nameSurvivorAsAccused),
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCaseOrNotHers })
  @ApiConflictResponse({ description: closed })
  @ApiUnprocessableEntityResponse({ description: `${refused} (she is not registered: details name personId; ${dates})` })
  nameSurvivorAsAccused(
    @IdParam('caseId') caseId: string,
    @Body() request: NameSurvivorAsAccusedRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/survivors-accused`, caller, request);
  }

  @Post(':caseId/survivors-accused/:personId/dropped')
  @HttpCode(204)
  @StaffEndpoint('dropSurvivorAccusation')
  @accessReason()
  @ApiOperation({
    summary: 'Record that the charge against a survivor was dropped',
    description: `Closes her decriminalisation alert for this case. ${rolesNote(endpointRoles.dropSurvivorAccusation)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCaseOrNotHers })
  @ApiConflictResponse({ description: closed })
  @ApiUnprocessableEntityResponse({ description: `${refused} (she is not accused in this case: details name personId; ${dates})` })
  dropSurvivorAccusation(
    @IdParam('caseId') caseId: string,
    @IdParam('personId') personId: string,
    @Body() request: DropSurvivorAccusationRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/survivors-accused/${personId}/dropped`, caller, request);
  }

  @Post(':caseId/arrests')
  @HttpCode(204)
  @StaffEndpoint('recordArrest')
  @ApiOperation({ summary: 'Record the arrest of an accused', description: rolesNote(endpointRoles.recordArrest) })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  @ApiConflictResponse({ description: `${closed}, or he is already arrested` })
  @ApiUnprocessableEntityResponse({ description: `${refused} (he is not accused in this case: details name perpetratorId; ${dates})` })
  recordArrest(@IdParam('caseId') caseId: string, @Body() request: RecordArrestRequest, @Req() caller: Request): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/arrests`, caller, request);
  }

  @Post(':caseId/absconding')
  @HttpCode(204)
  @StaffEndpoint('declareAbsconding')
  @ApiOperation({
    summary: 'Record that an accused is absconding',
    description: `A main accused absconding counts among the kingpins who escape, in the prosecution indicators. ${rolesNote(endpointRoles.declareAbsconding)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  @ApiConflictResponse({ description: `${closed}, or he is already absconding` })
  @ApiUnprocessableEntityResponse({ description: `${refused} (he is not accused in this case: details name perpetratorId; ${dates})` })
  declareAbsconding(
    @IdParam('caseId') caseId: string,
    @Body() request: DeclareAbscondingRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/absconding`, caller, request);
  }

  @Post(':caseId/bail')
  @HttpCode(204)
  @StaffEndpoint('recordBail')
  @ApiOperation({
    summary: 'Record a bail application or decision, and who stood surety',
    description:
      'For one accused: a perpetrator (perpetratorId), or a survivor the police charged (personId). A known perpetrator standing surety for a ' +
      "survivor is a sign of debt bondage: surety known-perpetrator with his suretyPerpetratorId, on a survivor's bail, raises the debt-bondage " +
      `alert (on her timeline and in GET /api/v1/alerts). ${rolesNote(endpointRoles.recordBail)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  @ApiConflictResponse({ description: closed })
  @ApiUnprocessableEntityResponse({
    description:
      `${refused} (not exactly one accused named, or not accused in this case: details name perpetratorId or personId; a known-perpetrator ` +
      `surety without a profiled suretyPerpetratorId, or a suretyPerpetratorId with another surety: details name suretyPerpetratorId or surety; ${dates})`,
  })
  recordBail(@IdParam('caseId') caseId: string, @Body() request: RecordBailRequest, @Req() caller: Request): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/bail`, caller, request);
  }

  @Post(':caseId/charge-sheets')
  @HttpCode(204)
  @StaffEndpoint('fileChargeSheet')
  @ApiOperation({
    summary: 'Record a charge sheet the police filed',
    description:
      'Supplementary ones too, with the sections and the accused it charges. The first one ends the flags at 60 and 90 days after the FIR ' +
      `(BNSS s.187: without a charge sheet, the accused may walk out on default bail). ${rolesNote(endpointRoles.fileChargeSheet)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  @ApiConflictResponse({ description: closed })
  @ApiUnprocessableEntityResponse({
    description: `${refused} (an ITPA section that is not an offence: details name sections; someone not accused in this case: details name accusedIds; ${dates})`,
  })
  fileChargeSheet(
    @IdParam('caseId') caseId: string,
    @Body() request: FileChargeSheetRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/charge-sheets`, caller, request);
  }

  @Post(':caseId/hearings')
  @HttpCode(204)
  @StaffEndpoint('recordHearing')
  @ApiOperation({ summary: 'Record a hearing, and the next date the court set', description: rolesNote(endpointRoles.recordHearing) })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  @ApiConflictResponse({ description: closed })
  @ApiUnprocessableEntityResponse({ description: `${refused} (the next hearing is not after this one: details name nextHearingAt; ${dates})` })
  recordHearing(@IdParam('caseId') caseId: string, @Body() request: RecordHearingRequest, @Req() caller: Request): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/hearings`, caller, request);
  }

  @Post(':caseId/witness-support')
  @HttpCode(204)
  @StaffEndpoint('recordWitnessSupport')
  @accessReason()
  @ApiOperation({
    summary: 'Record how a victim was supported as a witness',
    description:
      'Her testimony, whether she was heard in camera, a support person, protection measures, travel to court. She is named to a court only ' +
      `while her consent to it stands. A child, or a victim whose age is not known, testifies only in camera (POCSO s.37). ${rolesNote(endpointRoles.recordWitnessSupport)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCaseOrNotHers })
  @ApiConflictResponse({
    description: `her consent to be named to a court does not stand: the message says which consent is missing (details.personId, details.scope); or ${closed}`,
  })
  @ApiUnprocessableEntityResponse({
    description: `${refused} (she is not a victim in this case: details name personId; a child not heard in camera: details name inCamera; ${dates})`,
  })
  recordWitnessSupport(
    @IdParam('caseId') caseId: string,
    @Body() request: RecordWitnessSupportRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/witness-support`, caller, request);
  }

  @Post(':caseId/verdicts')
  @HttpCode(204)
  @StaffEndpoint('recordVerdict')
  @ApiOperation({
    summary: 'Record the verdict of a court on one accused',
    description: `Convicted, with sentence and fine, or acquitted. A court rules on him once, and again only on an appeal to it. ${rolesNote(endpointRoles.recordVerdict)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  @ApiConflictResponse({ description: `${closed}, or this court already gave its verdict on him` })
  @ApiUnprocessableEntityResponse({
    description: `${refused} (he is not accused in this case: details name perpetratorId; a sentence or fine without a conviction: details name sentenceMonths or fineInr; ${dates})`,
  })
  recordVerdict(@IdParam('caseId') caseId: string, @Body() request: RecordVerdictRequest, @Req() caller: Request): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/verdicts`, caller, request);
  }

  @Post(':caseId/appeals')
  @HttpCode(204)
  @StaffEndpoint('fileAppeal')
  @ApiOperation({
    summary: 'Record an appeal against a verdict',
    description: `By the prosecution, the accused or the victim, to a higher court, which may then rule on him again. ${rolesNote(endpointRoles.fileAppeal)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  @ApiConflictResponse({ description: closed })
  @ApiUnprocessableEntityResponse({ description: `${refused} (no verdict on him to appeal: details name perpetratorId; filed before the verdict, or ${dates})` })
  fileAppeal(@IdParam('caseId') caseId: string, @Body() request: FileAppealRequest, @Req() caller: Request): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/appeals`, caller, request);
  }

  @Post(':caseId/premises-closures')
  @HttpCode(204)
  @StaffEndpoint('closePremises')
  @ApiOperation({
    summary: "Record premises closed by a magistrate's order (ITPA s.18)",
    description: `Where: state and district, never an address. ${rolesNote(endpointRoles.closePremises)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  @ApiConflictResponse({ description: closed })
  @ApiUnprocessableEntityResponse({ description: `${refused} (${dates})` })
  closePremises(@IdParam('caseId') caseId: string, @Body() request: ClosePremisesRequest, @Req() caller: Request): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/premises-closures`, caller, request);
  }

  @Post(':caseId/property-attachments')
  @HttpCode(204)
  @StaffEndpoint('attachProperty')
  @ApiOperation({ summary: 'Record property of the accused attached by the court', description: `Its kind and value in rupees. ${rolesNote(endpointRoles.attachProperty)}` })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  @ApiConflictResponse({ description: closed })
  @ApiUnprocessableEntityResponse({ description: `${refused} (${dates})` })
  attachProperty(@IdParam('caseId') caseId: string, @Body() request: AttachPropertyRequest, @Req() caller: Request): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/property-attachments`, caller, request);
  }

  @Post(':caseId/compensation-orders')
  @HttpCode(204)
  @StaffEndpoint('orderCompensation')
  @accessReason()
  @ApiOperation({
    summary: 'Record compensation a court ordered for a victim',
    description: `The amount in rupees, payable by the state or the accused. ${rolesNote(endpointRoles.orderCompensation)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCaseOrNotHers })
  @ApiConflictResponse({ description: closed })
  @ApiUnprocessableEntityResponse({ description: `${refused} (she is not a victim in this case: details name personId; ${dates})` })
  orderCompensation(
    @IdParam('caseId') caseId: string,
    @Body() request: OrderCompensationRequest,
    @Req() caller: Request,
  ): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/compensation-orders`, caller, request);
  }

  @Post(':caseId/closure')
  @HttpCode(204)
  @StaffEndpoint('closeCase')
  @ApiOperation({
    summary: 'Close the case',
    description:
      'Verdicts final (only once every accused is judged and no appeal is pending), quashed, withdrawn, transferred out or abated. ' +
      `A closed case takes no further steps. ${rolesNote(endpointRoles.closeCase)}`,
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: noCase })
  @ApiConflictResponse({ description: `${closed} already` })
  @ApiUnprocessableEntityResponse({ description: `${refused} (verdicts not final: details name reason and the perpetratorIds; ${dates})` })
  closeCase(@IdParam('caseId') caseId: string, @Body() request: CloseCaseRequest, @Req() caller: Request): Promise<void> {
    return this.legal.send('POST', `/cases/${caseId}/closure`, caller, request);
  }
}
