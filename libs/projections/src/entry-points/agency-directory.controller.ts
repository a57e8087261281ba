import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJsonObjectResponse } from '@samvirke/platform/nest/api-answers';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { loadReferenceData, type Agency } from '@samvirke/reference-data';
import { searchAgencyDirectory } from './agency-directory';

export class AgencyDirectoryQueryDto {
  /** Text to look for in what an entry point handles (or its unit), e.g. "housing". */
  @IsOptional() @IsString() @MaxLength(100) handles?: string;
}

/**
 * Where to reach each agency when a case has not named anyone yet: straight from reference data,
 * no personal data and no case, so any authenticated user may read it.
 */
@ApiTags('agency directory')
@Controller('agency-directory')
export class AgencyDirectoryController {
  private readonly agencies = loadReferenceData().agencies;

  @Get()
  @ApiOperation({ summary: "Every agency's standing entry points; `handles` filters by what they handle." })
  @ApiJsonObjectResponse('The agencies (`items`), with their standing entry points.')
  list(@Query() query: AgencyDirectoryQueryDto): { items: Agency[] } {
    return { items: searchAgencyDirectory(this.agencies.values(), query.handles) };
  }

  @Get(':agencyCode')
  @ApiOperation({ summary: "One agency's standing entry points." })
  @ApiJsonObjectResponse('The agency, with its standing entry points.')
  one(@Param('agencyCode') agencyCode: string): Agency {
    const agency = this.agencies.get(agencyCode);
    if (agency === undefined) throw new NotFoundException({ error: 'Not Found', message: 'no agency with this code; GET /agency-directory lists them' });
    return agency;
  }
}
