// A small deterministic random generator for hostile-input and fuzz tests, so a failing run can be
// replayed from its seed: the same one the forecasts use (server/domain/seededRandom.ts).
export { seededRandom as prng } from '@/server/domain/seededRandom';
