// Validates a document against the vendored CycloneDX 1.6 schema (tests/fixtures/cyclonedx) with Ajv.
// Tests only: the extension never compiles a schema. Shared by the unit tests and the e2e spec.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';

const schema = (file) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/cyclonedx/${file}`, import.meta.url)), 'utf8'));

// RFC 3987: an IRI is a URI that may also hold non-ASCII characters (ucschar); check the URI form of it.
const NON_ASCII = /[\u00A0-\uD7FF\uE000-\uFFFD]|[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const asUri = (text) => text.replace(NON_ASCII, (c) => encodeURIComponent(c));
const uriReference = fullFormats['uri-reference'];
const email = fullFormats.email;

let compiled;

/** A function returning the schema errors of a document (an empty list when it is valid). */
export function bomValidator() {
  if (!compiled) {
    // The CycloneDX schemas use draft-07 keywords Ajv's strict mode flags (e.g. `meta:enum`, `deprecated`).
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('iri-reference', (text) => uriReference.test(asUri(text)));
    ajv.addFormat('idn-email', (text) => email.test(asUri(text)));
    ajv.addSchema(schema('spdx.schema.json'));
    ajv.addSchema(schema('jsf-0.82.schema.json'));
    compiled = ajv.compile(schema('bom-1.6.schema.json'));
  }
  return (document) => (compiled(document) ? [] : compiled.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));
}

/** SPDX license ids the schema accepts. */
export const SPDX_SCHEMA_IDS = new Set(schema('spdx.schema.json').enum);
