import type { APIRoute, GetStaticPaths } from 'astro';
import { apiResponse, getApiIndexRoutes, type ApiFile } from '../../data/api';

export const getStaticPaths = (() => getApiIndexRoutes()) satisfies GetStaticPaths;

/** The API's index (`/api/index.json`): what the archive holds and where every other file is. */
export const GET: APIRoute<{ file: ApiFile }> = ({ props }) => apiResponse(props.file);
