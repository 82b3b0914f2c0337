import type { APIRoute, GetStaticPaths } from 'astro';
import { apiResponse, getApiArticleRoutes, type ApiFile } from '../../../data/api';

export const getStaticPaths = (() => getApiArticleRoutes()) satisfies GetStaticPaths;

/** An article's API file (`/api/articles/2022/09/06/slug.json`): every field and its body. */
export const GET: APIRoute<{ file: ApiFile }> = ({ props }) => apiResponse(props.file);
