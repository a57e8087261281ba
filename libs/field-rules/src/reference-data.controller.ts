import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReferenceDataIndexDto, ReferenceDataListDto } from './reference-data.dto';
import { loadReferenceData, type ReferenceData } from '@samvirke/reference-data';

type ListName = 'agencies' | 'programmes' | 'geographies' | 'cityDistricts' | 'districts' | 'offenceCategories' | 'legalBases' | 'roadMaps';

/** URL segment → list, in the kebab-case the rest of the API uses. */
const SEGMENTS: Record<string, ListName | 'progressionScale'> = {
  agencies: 'agencies',
  programmes: 'programmes',
  geographies: 'geographies',
  'city-districts': 'cityDistricts',
  districts: 'districts',
  'offence-categories': 'offenceCategories',
  'legal-bases': 'legalBases',
  'road-maps': 'roadMaps',
  'progression-scale': 'progressionScale',
};

/**
 * Reference data is read by every client to fill its pick lists, so it is served as it is loaded:
 * versioned lists, no personal data. Any authenticated user may read it.
 */
@ApiTags('reference data')
@Controller('reference-data')
export class ReferenceDataController {
  private readonly data: ReferenceData = loadReferenceData();

  @Get()
  @ApiOperation({ summary: 'The versions of each reference list and where to read it.' })
  @ApiOkResponse({ description: 'The lists and their versions.', type: ReferenceDataIndexDto })
  index() {
    return {
      versions: this.data.versions,
      lists: Object.keys(SEGMENTS).map((segment) => ({ name: segment, href: `/reference-data/${segment}` })),
    };
  }

  @Get(':list')
  @ApiOperation({ summary: 'One reference list (agencies, programmes, districts, offence-categories, legal-bases, road-maps, ...).' })
  @ApiOkResponse({ description: 'The list, as versioned reference data.', type: ReferenceDataListDto })
  list(@Param('list') segment: string) {
    const name = SEGMENTS[segment];
    if (name === undefined) throw new NotFoundException({ error: 'Not Found', message: 'no reference list with this name; GET /reference-data lists them' });
    if (name === 'progressionScale') return { items: this.data.progressionScale };
    return { items: [...this.data[name].values()] };
  }
}
