// The Nu Html Checker (vnu.jar from the vnu-jar package) over every HTML file of the built site.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export async function htmlFiles(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(html?|xhtml)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

export function vnuJarPath() {
  const require = createRequire(import.meta.url);
  // The package's main module exports the jar's path as a string.
  return String(require('vnu-jar'));
}

// Returns {files, results: [{name, ok, problems}]}, one result per HTML file.
export async function runVnu(root, { java = 'java' } = {}) {
  root = path.resolve(root);
  const files = await htmlFiles(root);
  const args = ['-Xss1024k', '-jar', vnuJarPath(), '--errors-only', '--skip-non-html', '--format', 'json', root];
  const { code, stdout, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  // vnu writes its JSON report to stderr; anything else there is Java complaining.
  let report;
  const text = (stderr.trim() || stdout.trim());
  try {
    report = JSON.parse(text || '{"messages":[]}');
  } catch {
    return { files, results: [{ name: 'vnu', ok: false, problems: [`vnu exited ${code} without a JSON report:`, text.slice(0, 4000)] }] };
  }
  const byFile = new Map(files.map((file) => [file, []]));
  const general = [];
  for (const message of report.messages ?? []) {
    if (message.type !== 'error' && message.type !== 'non-document-error' && message.subType !== 'fatal') continue;
    const file = message.url?.startsWith('file:') ? fileURLToPath(message.url) : null;
    const relative = file ? path.relative(root, file) : '(vnu)';
    const line = message.lastLine ?? message.firstLine;
    const location = line ? `${relative}:${line}${message.firstColumn ? `:${message.firstColumn}` : ''}` : relative;
    const extract = message.extract ? `\n      ${message.extract.replace(/\s+/g, ' ').trim()}` : '';
    const problem = `${location}: ${message.message}${extract}`;
    if (file && byFile.has(file)) byFile.get(file).push(problem);
    else general.push(problem);
  }
  const results = [...byFile].map(([file, problems]) => ({ name: `vnu ${path.relative(root, file)}`, ok: problems.length === 0, problems }));
  if (general.length || (code !== 0 && results.every((r) => r.ok))) {
    results.push({ name: 'vnu', ok: false, problems: general.length ? general : [`vnu exited ${code}`] });
  }
  return { files, results };
}
