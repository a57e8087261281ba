/**
 * EventStoreDB positions <-> our opaque global positions. The port fixes the encoding (two 16-digit
 * hex numbers, commit then prepare) so that string order is log order; this module is the only place
 * that knows an EventStoreDB position is a (commit, prepare) pair.
 */
import type { Position } from '@eventstore/db-client';
import { decodePosition, encodePosition, type GlobalPosition } from '../position';

export function fromClientPosition(position: Position): GlobalPosition {
  return encodePosition(position.commit, position.prepare);
}

export function toClientPosition(position: GlobalPosition): Position {
  const { major, minor } = decodePosition(position);
  return { commit: major, prepare: minor };
}
