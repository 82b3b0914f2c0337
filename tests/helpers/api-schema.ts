/**
 * Validates documents of the JSON API against the JSON Schemas Warta publishes for them, with ajv
 * (draft 2020-12, formats checked), as a program that reads the API would.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { API_SCHEMA_NAMES, type ApiSchemaName } from '../../src/lib/syndication/api-documents';
import { createApiSchemas, type JsonSchema } from '../../src/lib/syndication/api-schemas';

/** Checks a document against the schema of its kind; returns ajv's errors, one line each, or none. */
export type ApiValidator = (name: ApiSchemaName, document: unknown) => string[];

/** The schema addresses of a site at `siteUrl` (with its base path, ending in `/`). */
export function apiSchemaIds(siteUrl: string): Record<ApiSchemaName, string> {
  return Object.fromEntries(API_SCHEMA_NAMES.map((name) => [name, `${siteUrl}api/schema/${name}.json`])) as Record<
    ApiSchemaName,
    string
  >;
}

/** A validator of the given schemas (as a build published them, or as the code makes them). */
export function createApiValidator(schemas: Readonly<Record<ApiSchemaName, JsonSchema>>): ApiValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validators = new Map<ApiSchemaName, ValidateFunction>(
    API_SCHEMA_NAMES.map((name) => [name, ajv.compile(schemas[name])]),
  );
  return (name, document) => {
    const validate = validators.get(name)!;
    if (validate(document)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${name}${error.instancePath || '/'}: ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
    );
  };
}

/** A validator of the schemas the code makes for a site at `siteUrl`. */
export function createApiValidatorFor(siteUrl: string): ApiValidator {
  return createApiValidator(createApiSchemas(apiSchemaIds(siteUrl)));
}
