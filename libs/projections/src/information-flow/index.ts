export * from './information-flow.projection';
export * from './information-flow.controller';
export * from './delay-statistics';
