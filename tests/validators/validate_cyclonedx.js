// Validates CycloneDX 1.6 JSON files against the official schema shipped in
// @cyclonedx/cyclonedx-library (res/schema/), with the SPDX license-id and
// JSF signature schemas it references. Usage: node validate_cyclonedx.js FILE...
// Exit 0: all valid; 1: a file is invalid (errors printed); 3: validator not installed.
'use strict';
const fs = require('fs');
const path = require('path');

let Ajv, addFormats, schemaDir;
try {
  Ajv = require('ajv');
  addFormats = require('ajv-formats');
  schemaDir = path.join(path.dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
} catch (e) {
  console.log('skipped: validator not installed (' + e.message.split('\n')[0] + ')');
  process.exit(3);
}

const load = (name) => JSON.parse(fs.readFileSync(path.join(schemaDir, name), 'utf8'));
// The library ships its schemas as *.SNAPSHOT.schema.json; the $refs between
// them use those file names, while the $ids are the published URLs.
const bomText = fs.readFileSync(path.join(schemaDir, 'bom-1.6.SNAPSHOT.schema.json'), 'utf8')
  .replace(/spdx\.SNAPSHOT\.schema\.json/g, 'spdx.schema.json')
  .replace(/jsf-0\.82\.SNAPSHOT\.schema\.json/g, 'jsf-0.82.schema.json');
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// ajv-formats has no IRI formats; accept them as strings like the URI ones
// the schema also constrains (this keeps Ajv from warning on every use).
ajv.addFormat('iri-reference', true);
ajv.addFormat('idn-email', true);
ajv.addSchema(load('spdx.SNAPSHOT.schema.json'));
ajv.addSchema(load('jsf-0.82.SNAPSHOT.schema.json'));
const validate = ajv.compile(JSON.parse(bomText));

let failed = false;
for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(doc)) {
    console.log('valid CycloneDX 1.6: ' + file);
  } else {
    failed = true;
    console.log('INVALID CycloneDX 1.6: ' + file);
    for (const err of validate.errors) console.log('  ' + err.instancePath + ' ' + err.message + ' ' + JSON.stringify(err.params));
  }
}
process.exit(failed ? 1 : 0);
