import type { APIRoute, GetStaticPaths } from 'astro';
import { apiResponse, getApiTagRoutes, type ApiFile } from '../../../data/api';
import { routesInShard } from '../../../data/shards';

export const getStaticPaths = (async () =>
  routesInShard('api/tags/[slug].json', await getApiTagRoutes())) satisfies GetStaticPaths;

/** A tag's API file (`/api/tags/rusia.json`): its articles without their bodies. */
export const GET: APIRoute<{ file: ApiFile }> = ({ props }) => apiResponse(props.file);
