import type { APIRoute, GetStaticPaths } from 'astro';
import { apiResponse, getApiMonthRoutes, type ApiFile } from '../../../data/api';
import { routesInShard } from '../../../data/shards';

export const getStaticPaths = (async () =>
  routesInShard('api/[year]/[month].json', await getApiMonthRoutes())) satisfies GetStaticPaths;

/** A month's API file (`/api/2022/09.json`): its articles without their bodies. */
export const GET: APIRoute<{ file: ApiFile }> = ({ props }) => apiResponse(props.file);
