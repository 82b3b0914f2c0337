import type { APIRoute, GetStaticPaths } from 'astro';
import { apiResponse, getApiIndexRoutes, type ApiFile } from '../../data/api';
import { routesInShard } from '../../data/shards';

export const getStaticPaths = (async () =>
  routesInShard('api/[name].json', await getApiIndexRoutes())) satisfies GetStaticPaths;

/** The API's index (`/api/index.json`): what the archive holds and where every other file is. */
export const GET: APIRoute<{ file: ApiFile }> = ({ props }) => apiResponse(props.file);
