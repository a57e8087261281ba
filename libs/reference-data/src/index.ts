export { loadReferenceData, parseReferenceData, defaultEntryPoint } from './reference-data';
export { ReferenceDataError } from './json-shape';
export { FrozenMap } from './frozen-map';
export * from './types';
export * from './escalation-rules';
export * from './working-days';
export { loadEstates, parseEstates, type Estate, type AreaEffort, type Estates } from './estates';
