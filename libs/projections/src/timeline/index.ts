export * from './timeline.projection';
export * from './timeline.controller';
export * from './timeline-status';
export * from './road-map-deadlines';
export * from './timeline-title';
