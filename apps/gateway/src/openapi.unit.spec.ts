import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { STAFF_ID_PATTERN } from '@mukti/contracts';
import { ACCESS_REASON_PATTERN } from '@mukti/security';
import { AssignStaffRequest, DetermineAgeRequest, RegisterHouseholdRequest, RegisterPersonRequest, RegisterPersonResponse, TimelineQuery, PerpetratorView } from '@mukti/staff-api';
import { documentErrors, documentLinks, documentValidationRules } from './openapi';

@Controller('examples')
class ExamplesController {
  @Post('people') register(@Body() _body: RegisterPersonRequest): void {}
  @Post('assignments') assign(@Body() _body: AssignStaffRequest): void {}
  @Post('households') household(@Body() _body: RegisterHouseholdRequest): void {}
  @Post('age-determinations') determineAge(@Body() _body: DetermineAgeRequest): void {}
  @Get('timeline')
  @ApiHeader({ name: 'x-access-reason', required: false })
  timeline(@Query() _query: TimelineQuery, @Headers('x-access-reason') _reason?: string): void {}
  @Delete('thing') remove(): void {}
}

type Schema = Record<string, any>;

/** The staff API's way of documenting a request, on a controller of its own. */
async function documentOf(): Promise<Schema> {
  const module = await Test.createTestingModule({ controllers: [ExamplesController] }).compile();
  const app = module.createNestApplication({ logger: false });
  await app.init();
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  await app.close();
  return documentValidationRules(documentErrors(document));
}

describe('the OpenAPI document says what validation accepts (found by the schema-driven fuzzer)', () => {
  let document: Schema;
  beforeAll(async () => {
    document = await documentOf();
  });
  const schema = (name: string) => document['components'].schemas[name];

  // The fuzzer sent an age determination with none of the three: the document allowed it, the server refused it.
  it('a body that needs one of several optional fields says so (anyOf of required)', () => {
    expect(schema('DetermineAgeRequest').anyOf).toEqual([{ required: ['birthDate'] }, { required: ['birthYear'] }, { required: ['age'] }]);
  });

  it('lengths, patterns, bounds and item counts come from the validation rules', () => {
    const person = schema('RegisterPersonRequest');
    expect(person.properties.name).toMatchObject({ minLength: 1, maxLength: 200, pattern: expect.stringContaining('\\p{L}') });
    // A negated property class ([^\p{Cc}]) is one no client generator could build values for.
    expect(person.properties.name.pattern).not.toContain('[^\\p{');
    expect(person.properties.address).toMatchObject({ minLength: 1, maxLength: 500 });
    expect(person.properties.aliases).toMatchObject({ maxItems: 20, items: { minLength: 1, maxLength: 200 } });
    expect(person.properties.age).toMatchObject({ type: 'integer', minimum: 0, maximum: 120 });
    expect(person.properties.birthDate).toMatchObject({ format: 'date', pattern: expect.stringMatching(/^\^\(19\|20\)/) });
    expect(schema('PlaceDto').properties.state).toMatchObject({ minLength: 2, maxLength: 80 });
    expect(schema('AssignStaffRequest').properties.staffId).toMatchObject({ minLength: 1, pattern: STAFF_ID_PATTERN.source });
    expect(schema('RegisterHouseholdRequest').properties.memberIds).toMatchObject({ minItems: 1, maxItems: 30, uniqueItems: true });
  });

  it('a request body admits no field it does not declare, nested ones included', () => {
    expect(schema('RegisterPersonRequest').additionalProperties).toBe(false);
    expect(schema('PlaceDto').additionalProperties).toBe(false);
  });

  it('every change documents the 409 and 422 its service may answer, whatever its controller declares', () => {
    for (const path of ['/examples/people', '/examples/thing']) {
      const operation = Object.values(document['paths'][path])[0] as Schema;
      expect(Object.keys(operation['responses'])).toEqual(expect.arrayContaining(['409', '422']));
    }
    expect(Object.keys(document['paths']['/examples/timeline'].get.responses)).not.toContain('422');
  });

  it('query parameters get their query class rules, and the access reason its codes', () => {
    const parameters = document['paths']['/examples/timeline'].get.parameters as Schema[];
    expect(parameters.find((parameter) => parameter['name'] === 'cursor')?.['schema']).toMatchObject({ pattern: '^[A-Za-z0-9_-]{1,200}$' });
    const reason = parameters.find((parameter) => parameter['name'] === 'x-access-reason')!;
    expect(reason['schema']).toEqual({ type: 'string', pattern: ACCESS_REASON_PATTERN });
    expect(reason['description']).toContain('`safeguarding-concern` (a risk to her');
    const pattern = new RegExp(ACCESS_REASON_PATTERN);
    expect(['case-review', 'legal-obligation: CWC/12', 'data-subject-request: 2026-117', 'handover: INC-4411'].filter((stated) => !pattern.test(stated))).toEqual([]);
    expect(['checking on Priya', 'case review', 'case-review: Priya', 'case-review:12', ''].filter((stated) => pattern.test(stated))).toEqual([]);
  });
});

@Controller('people')
class PeopleExampleController {
  @Post() @HttpCode(201) @ApiCreatedResponse({ type: RegisterPersonResponse }) register(@Body() _body: RegisterPersonRequest): void {}
  @Post(':personId/consents') consent(@Param('personId') _id: string): void {}
  @Get(':personId/timeline') timeline(@Param('personId') _id: string): void {}
}

it('links the operation that creates a resource to every operation on it, its id as their parameter', async () => {
  const module = await Test.createTestingModule({ controllers: [PeopleExampleController] }).compile();
  const app = module.createNestApplication({ logger: false });
  await app.init();
  const document = documentLinks(SwaggerModule.createDocument(app, new DocumentBuilder().build())) as Schema;
  await app.close();
  const links = document['paths']['/people'].post.responses['201'].links;
  expect(Object.values(links)).toEqual([
    { operationId: 'PeopleExampleController_consent', parameters: { personId: '$response.body#/id' } },
    { operationId: 'PeopleExampleController_timeline', parameters: { personId: '$response.body#/id' } },
  ]);
});

@Controller('perpetrators')
class PerpetratorsExampleController {
  @Get(':perpetratorId') @ApiOkResponse({ type: PerpetratorView }) read(@Param('perpetratorId') _id: string): void {}
}

it("documents a perpetrator's known places as the places they are, not strings", async () => {
  const module = await Test.createTestingModule({ controllers: [PerpetratorsExampleController] }).compile();
  const app = module.createNestApplication({ logger: false });
  await app.init();
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().build()) as Schema;
  await app.close();
  expect(document['components'].schemas.PerpetratorView.properties.knownPlaces.items).toEqual({ $ref: '#/components/schemas/KnownPlaceView' });
  expect(document['components'].schemas.KnownPlaceView.required).toEqual(['state', 'district']);
});
