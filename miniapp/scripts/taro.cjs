#!/usr/bin/env node
/**
 * Runs the Taro CLI with one module-resolution fix.
 *
 * The workspace installs with legacy-peer-deps, so npm hoists ajv@6 (eslint's) to the root and
 * never installs the ajv@8 that ajv-keywords@5 (schema-utils@4, used by terser-webpack-plugin)
 * expects as a peer: `require('ajv/dist/compile/codegen')` then fails and the build cannot start.
 * Here ajv-keywords@5 is pointed at the ajv@8 that ajv-formats carries. Nothing changes when the
 * hoisted ajv is already v8.
 */
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');

const major = (version) => Number.parseInt(String(version).split('.')[0], 10);

function findAjv8Base() {
  try {
    if (major(require('ajv/package.json').version) >= 8) return null;
    const formatsDir = path.dirname(require.resolve('ajv-formats/package.json'));
    const ajvPkg = require.resolve('ajv/package.json', { paths: [formatsDir] });
    return major(JSON.parse(fs.readFileSync(ajvPkg, 'utf8')).version) >= 8 ? formatsDir : null;
  } catch {
    return null;
  }
}

const ajv8Base = findAjv8Base();
if (ajv8Base) {
  const wantsAjv8 = new Map();
  const keywordsRootOf = (file) => {
    const marker = `${path.sep}ajv-keywords${path.sep}`;
    const at = file.lastIndexOf(marker);
    return at < 0 ? null : file.slice(0, at + marker.length - 1);
  };
  const needsAjv8 = (root) => {
    if (!wantsAjv8.has(root)) {
      let wants = false;
      try {
        wants = major(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version) >= 5;
      } catch {
        wants = false;
      }
      wantsAjv8.set(root, wants);
    }
    return wantsAjv8.get(root);
  };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveWithAjv8(request, parent, isMain, options) {
    if ((request === 'ajv' || request.startsWith('ajv/')) && parent && parent.filename) {
      const root = keywordsRootOf(parent.filename);
      if (root && needsAjv8(root)) return resolve.call(this, request, parent, isMain, { paths: [ajv8Base] });
    }
    return resolve.call(this, request, parent, isMain, options);
  };
}

require(path.join(path.dirname(require.resolve('@tarojs/cli/package.json')), 'bin', 'taro'));
