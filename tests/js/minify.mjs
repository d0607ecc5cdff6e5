// Minifies the site's joined scripts (terser) and stylesheets (Lightning CSS) for
// generator/assets/dist. Reads {"file name": "text", ...} as JSON on standard input and
// writes the same names with their minified texts; tests/support/bundle.py runs it.
import { minify } from "terser";
import { transform } from "lightningcss";

/** The options every bundle is minified with: the shipped files are remade from them. */
export const TERSER = {
  ecma: 2020,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
};

/** @param {string} name @param {string} text */
const minified = async (name, text) => {
  if (name.endsWith(".css")) {
    return transform({ filename: name, code: Buffer.from(text), minify: true }).code.toString();
  }
  const result = await minify(text, TERSER);
  if (result.code === undefined) throw new Error(`${name}: terser gave nothing`);
  return result.code;
};

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
/** @type {Record<string, string>} */
const sources = JSON.parse(Buffer.concat(chunks).toString("utf8"));
/** @type {Record<string, string>} */
const out = {};
for (const [name, text] of Object.entries(sources)) out[name] = `${await minified(name, text)}\n`;
process.stdout.write(JSON.stringify(out));
