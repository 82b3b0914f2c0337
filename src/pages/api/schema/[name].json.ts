import type { APIRoute, GetStaticPaths } from 'astro';
import { apiResponse, getApiSchemaRoutes, type ApiFile } from '../../../data/api';
import { routesInShard } from '../../../data/shards';

export const getStaticPaths = (async () =>
  routesInShard('api/schema/[name].json', await getApiSchemaRoutes())) satisfies GetStaticPaths;

/** The JSON Schema of one kind of API file (`/api/schema/article.json`). */
export const GET: APIRoute<{ file: ApiFile }> = ({ props }) => apiResponse(props.file);
