/** The structure of a MODEL_FAILURES.md: category sections with issue headings, and the summary table's rows. */
export interface ModelFailuresStructure {
  categories: { heading: string; issues: string[] }[];
  summary: { category: string; issue: string }[];
}

/** Reads the structure of a MODEL_FAILURES.md in the seed's format (headings, issue titles, summary rows). */
export function parseModelFailures(markdown: string): ModelFailuresStructure {
  const categories: ModelFailuresStructure['categories'] = [];
  const summary: ModelFailuresStructure['summary'] = [];
  let inSummary = false;
  let currentCategory = '';
  for (const line of markdown.split('\n')) {
    const section = /^## \d+\. (.+)$/.exec(line);
    if (section) {
      categories.push({ heading: section[1].trim(), issues: [] });
      continue;
    }
    if (/^## Summary/.test(line)) inSummary = true;
    else if (/^## /.test(line)) inSummary = false;
    const issue = /^### \*\*Issue \d+: (.+)\*\*$/.exec(line);
    if (issue && categories.length > 0) categories[categories.length - 1].issues.push(issue[1].trim());
    if (inSummary && line.startsWith('|') && !/^\|[\s-|]+\|$/.test(line) && !line.includes('**Category**')) {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      if (cells[0]) currentCategory = cells[0];
      summary.push({ category: currentCategory, issue: cells[1] });
    }
  }
  return { categories, summary };
}
